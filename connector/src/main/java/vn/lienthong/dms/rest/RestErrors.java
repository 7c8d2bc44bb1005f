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

    /** The client has as many requests in progress as it may; it should try again later. */
    static DmsError tooManyRequests(int limit, int retryAfterSeconds) {
        return new DmsError("TOO_MANY_REQUESTS", "ERROR",
                "Máy khách đang có " + limit + " yêu cầu chưa xử lý xong, là mức tối đa cho phép cùng lúc; hãy thử lại sau "
                        + retryAfterSeconds + " giây.",
                "The client already has " + limit + " requests in progress, the most it may have at once; try again in "
                        + retryAfterSeconds + " seconds.",
                NOWHERE);
    }

    /** The body came slower than the minimum rate; the connector stopped waiting for it. */
    static DmsError uploadTooSlow(RestLimits limits) {
        long seconds = Math.max(1, limits.rateWindow().toSeconds());
        return new DmsError("UPLOAD_TOO_SLOW", "ERROR",
                "Thân yêu cầu đến quá chậm: dưới " + limits.minUploadBytesPerSecond() + " byte mỗi giây trong " + seconds
                        + " giây; bộ kết nối đã ngừng nhận. Hãy gửi lại.",
                "The request body arrived too slowly: under " + limits.minUploadBytesPerSecond() + " bytes per second over "
                        + seconds + " seconds; the connector stopped receiving it. Send it again.",
                NOWHERE);
    }

    /** The body ended before its end: the client stopped sending or the connection broke. */
    static DmsError bodyCutOff() {
        return invalid("thân yêu cầu không đến trọn vẹn (máy khách ngừng gửi hoặc kết nối bị ngắt).",
                "the request body did not arrive whole (the client stopped sending or the connection broke).");
    }
}
