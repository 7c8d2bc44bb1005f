package vn.lienthong.dms;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.Shown;
import vn.lienthong.tracking.RecordedFinding;

/**
 * The one shape of every error a DMS client sees, whichever interface it uses: a stable English code, the
 * severity, the sentence in Vietnamese and in English, and where (line and column in the envelope, an element
 * path, or the signature concerned). In JSON (REST answers, JMS answers, the folders' NAME.errors.json) the two
 * sentences are {@code vi} and {@code en}, as in {@code validate --json}.
 */
@JsonPropertyOrder({"code", "severity", "vi", "en", "location"})
public record DmsError(String code, String severity, @JsonProperty("vi") String vietnamese,
        @JsonProperty("en") String english, Where location) {

    /** Where an error points; any part may be null. */
    public record Where(Integer line, Integer column, String path) {

        static final Where NOWHERE = new Where(null, null, null);
    }

    public static DmsError of(Finding finding) {
        var at = finding.location();
        return new DmsError(finding.code().name(), finding.severity().name(), finding.vietnamese(), finding.english(),
                new Where(at.hasPosition() ? at.line() : null, at.hasPosition() ? at.column() : null,
                        at.path().isEmpty() ? null : at.path()));
    }

    /** A finding kept with a received document, as tracking recorded it. */
    public static DmsError of(RecordedFinding finding) {
        boolean positioned = finding.line() > 0;
        return new DmsError(finding.code(), finding.severity(), finding.vietnamese(), finding.english(),
                new Where(positioned ? finding.line() : null, positioned ? finding.column() : null,
                        finding.path().isEmpty() ? null : finding.path()));
    }

    public static DmsError of(SignatureCheck check, Reason reason) {
        return new DmsError(reason.problem().name(), reason.implies().name(), reason.vietnamese(), reason.english(),
                new Where(null, null, check.where()));
    }

    /** Values a client sent are escaped and cut (a key, a status code), so an answer never echoes them at length. */
    public static DmsError of(GatewayCode code, Object... arguments) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] == null || arguments[i] instanceof Number ? arguments[i] : Shown.text(arguments[i].toString());
        }
        return new DmsError(code.name(), "ERROR", code.vietnamese(shown), code.english(shown), Where.NOWHERE);
    }

    /**
     * The connector failed while taking a document, in a way nobody foresaw; the cause is in its log, never in the
     * answer. Said once: the document is set aside (error/ for a folder) and not taken again by itself.
     */
    public static DmsError internal() {
        return new DmsError("INTERNAL_ERROR", "ERROR",
                "Bộ kết nối gặp lỗi nội bộ khi tiếp nhận văn bản này; văn bản chưa được tiếp nhận và sẽ không được thử lại "
                        + "tự động. Hãy gửi lại sau hoặc báo cho quản trị viên.",
                "The connector failed internally while taking this document; it was not accepted and will not be retried "
                        + "automatically. Send it again later or tell the operator.",
                Where.NOWHERE);
    }

    /** An error located at a field of the request (e.g. {@code subject}, {@code attachments[2].name}). */
    public static DmsError at(String field, GatewayCode code, Object... arguments) {
        DmsError error = of(code, arguments);
        return new DmsError(error.code, error.severity, error.vietnamese, error.english, new Where(null, null, field));
    }

    /** Roughly what the error weighs in an answer, in characters. */
    int characters() {
        return code.length() + severity.length() + length(vietnamese) + length(english)
                + (location == null ? 0 : length(location.path())) + 64;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
