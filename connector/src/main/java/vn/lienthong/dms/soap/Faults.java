package vn.lienthong.dms.soap;

import java.util.List;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.GatewayCode;
import vn.lienthong.dms.Outcome;
import vn.lienthong.dms.soap.contract.ErrorLocation;
import vn.lienthong.dms.soap.contract.FaultStatus;
import vn.lienthong.dms.soap.contract.LienThongError;
import vn.lienthong.dms.soap.contract.LienThongFault;
import vn.lienthong.dms.soap.contract.LienThongFaultDetail;

/**
 * The one SOAP fault, {@code LienThongFault}: its detail lists every error in the shape all interfaces share
 * ({@link DmsError}), and its faultstring repeats the error in both languages so a person reading a raw answer
 * understands it without the detail.
 */
final class Faults {

    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private Faults() {
    }

    static LienThongFault of(Outcome outcome) {
        return of(FaultStatus.fromValue(outcome.status().name()), outcome.errors());
    }

    static LienThongFault of(FaultStatus status, List<DmsError> errors) {
        return new LienThongFault(summary(errors), detail(status, errors));
    }

    static LienThongFault unauthenticated() {
        return of(FaultStatus.UNAUTHENTICATED, List.of(DmsError.of(GatewayCode.UNAUTHENTICATED)));
    }

    static LienThongFault internal() {
        return of(FaultStatus.INTERNAL_ERROR, List.of(internalError()));
    }

    /** Deliberately says nothing about the cause: that is in the connector's log, never in an answer. */
    static DmsError internalError() {
        return new DmsError(INTERNAL_ERROR, "ERROR",
                "Bộ kết nối gặp lỗi nội bộ khi xử lý yêu cầu; chưa có gì được tiếp nhận. "
                        + "Hãy thử lại sau.",
                "The connector failed internally while handling the request; nothing was accepted. Try again later.",
                new DmsError.Where(null, null, null));
    }

    static DmsError requestTooLarge(long limit) {
        return invalid("yêu cầu lớn hơn " + limit + " byte (lienthong.soap.max-request-bytes); bộ kết nối đã ngừng đọc.",
                "the request is larger than " + limit + " bytes (lienthong.soap.max-request-bytes); the connector stopped reading it.");
    }

    static DmsError tooManyAttachments() {
        return invalid("yêu cầu có nhiều phần đính kèm MTOM hơn mức cho phép (lienthong.soap.max-attachments); "
                        + "sendDocument chỉ cần một phần: gói tin edXML.",
                "the request has more MTOM attachment parts than allowed (lienthong.soap.max-attachments); "
                        + "sendDocument needs one part: the edXML envelope.");
    }

    private static DmsError invalid(String vietnamese, String english) {
        return new DmsError(GatewayCode.INVALID_REQUEST.name(), "ERROR", GatewayCode.INVALID_REQUEST.vietnamese(vietnamese),
                GatewayCode.INVALID_REQUEST.english(english), new DmsError.Where(null, null, null));
    }

    static DmsError invalidRequest(String reason, Integer line, Integer column) {
        DmsError error = DmsError.of(GatewayCode.INVALID_REQUEST, reason);
        return new DmsError(error.code(), error.severity(), error.vietnamese(), error.english(),
                new DmsError.Where(line, column, null));
    }

    static LienThongFaultDetail detail(FaultStatus status, List<DmsError> errors) {
        LienThongFaultDetail detail = new LienThongFaultDetail();
        detail.setStatus(status);
        errors.stream().map(Faults::error).forEach(detail.getError()::add);
        return detail;
    }

    /** One error: "vietnamese / english"; several: how many, in both languages. */
    static String summary(List<DmsError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).vietnamese() + " / " + errors.get(0).english();
        }
        return "Yêu cầu có " + errors.size() + " lỗi, liệt kê trong phần chi tiết (detail). / The request has "
                + errors.size() + " errors, listed in the fault detail.";
    }

    static LienThongError error(DmsError error) {
        LienThongError shaped = new LienThongError();
        shaped.setCode(error.code());
        shaped.setSeverity(error.severity());
        shaped.setVietnamese(error.vietnamese());
        shaped.setEnglish(error.english());
        DmsError.Where where = error.location();
        if (where != null && (where.line() != null || where.column() != null || where.path() != null)) {
            ErrorLocation location = new ErrorLocation();
            location.setLine(where.line());
            location.setColumn(where.column());
            location.setPath(where.path());
            shaped.setLocation(location);
        }
        return shaped;
    }
}
