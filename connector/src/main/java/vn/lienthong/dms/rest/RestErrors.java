package vn.lienthong.dms.rest;

import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.GatewayCode;
import vn.lienthong.findings.FindingCode;

/** The errors only the REST layer produces, in the same shape as the gateway's. */
final class RestErrors {

    private static final DmsError.Where NOWHERE = new DmsError.Where(null, null, null);

    private RestErrors() {
    }

    /** Something failed inside the connector; the details are in its log, never in the answer. */
    static DmsError internal() {
        return new DmsError("INTERNAL_ERROR", "ERROR",
                "Lỗi nội bộ của bộ kết nối; yêu cầu chưa được xử lý. Hãy thử lại sau hoặc báo cho quản trị viên.",
                "An internal error occurred in the connector; the request was not processed. Try again later or tell the operator.",
                NOWHERE);
    }

    /** The request itself is unusable; {@code vietnamese} and {@code english} say why, in each language. */
    static DmsError invalid(String vietnamese, String english, DmsError.Where where) {
        return new DmsError(GatewayCode.INVALID_REQUEST.name(), "ERROR", GatewayCode.INVALID_REQUEST.vietnamese(vietnamese),
                GatewayCode.INVALID_REQUEST.english(english), where == null ? NOWHERE : where);
    }

    static DmsError invalid(String vietnamese, String english) {
        return invalid(vietnamese, english, null);
    }

    /** The same code the validator gives an oversized envelope, so a client handles both alike. */
    static DmsError envelopeTooLarge(long limit) {
        FindingCode code = FindingCode.LIMIT_ENVELOPE_SIZE;
        return new DmsError(code.name(), "ERROR", code.vietnamese(limit), code.english(limit), NOWHERE);
    }

    static DmsError noSuchOperation(String request) {
        return invalid("không có thao tác " + request + " (xem danh sách thao tác tại /api/v1/openapi.yaml).",
                "there is no operation " + request + " (see the operations in /api/v1/openapi.yaml).");
    }

    static DmsError unsupportedMediaType(String contentType) {
        return invalid("kiểu nội dung \"" + contentType + "\" không được hỗ trợ; hãy gửi application/xml (gói tin edXML) "
                        + "hoặc multipart/form-data (metadata và các tệp).",
                "the content type \"" + contentType + "\" is not supported; send application/xml (an edXML envelope) "
                        + "or multipart/form-data (metadata and files).");
    }
}
