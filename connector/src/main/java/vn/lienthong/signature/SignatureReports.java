package vn.lienthong.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the verify command shows a document's signatures: a bilingual report for people, or one JSON object per
 * file ({@code file}, {@code verdict}, {@code signed}, {@code signatures[]} each with its own verdict, signer,
 * signing time, algorithm and reasons) for tools.
 */
public final class SignatureReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignatureReports() {
    }

    public static void text(Path file, DocumentSignatures signatures, PrintWriter out) {
        String verdict = signatures.signed() ? signatures.verdict().label() : "KHÔNG CÓ CHỮ KÝ / UNSIGNED";
        out.println("[" + verdict + "] " + file);
        for (Reason reason : documentReasons(signatures)) {
            out.println("    - " + reason.problem() + ": " + reason.vietnamese());
            out.println("      " + reason.english());
        }
        for (SignatureCheck check : signatures.checks()) {
            out.println("  " + check.where() + ": " + check.verdict().label() + "  (" + check.algorithm() + ")");
            if (check.signer() != null) {
                out.println("    người ký / signer: " + check.signer().subject());
                out.println("    số hiệu / serial: " + check.signer().serialNumber() + "; cấp bởi / issuer: " + check.signer().issuer());
            }
            if (check.signingTime() != null) {
                out.println("    thời điểm ký / signing time: " + check.signingTime()
                        + (check.timestamped() ? " (dấu thời gian / time-stamped)" : ""));
            }
            for (Reason reason : check.reasons()) {
                out.println("    - " + reason.problem() + ": " + reason.vietnamese());
                out.println("      " + reason.english());
            }
        }
    }

    public static void json(Path file, DocumentSignatures signatures, PrintWriter out) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", file.toString());
        object.put("verdict", signatures.verdict().name());
        object.put("signed", signatures.signed());
        object.put("reasons", documentReasons(signatures).stream().map(SignatureReports::reason).toList());
        object.put("signatures", signatures.checks().stream().map(SignatureReports::check).toList());
        try {
            out.println(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of strings, numbers and lists always serialises", e);
        }
    }

    private static Map<String, Object> check(SignatureCheck check) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", check.kind().name());
        object.put("where", check.where());
        object.put("verdict", check.verdict().name());
        object.put("algorithm", check.algorithm());
        if (check.signer() != null) {
            Map<String, Object> signer = new LinkedHashMap<>();
            signer.put("subject", check.signer().subject());
            signer.put("serial", check.signer().serialNumber());
            signer.put("issuer", check.signer().issuer());
            object.put("signer", signer);
        } else {
            object.put("signer", null);
        }
        object.put("signingTime", check.signingTime() == null ? null : check.signingTime().toString());
        object.put("timestamped", check.timestamped());
        object.put("reasons", check.reasons().stream().map(SignatureReports::reason).toList());
        return object;
    }

    private static Map<String, Object> reason(Reason reason) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", reason.problem().name());
        entry.put("verdict", reason.implies().name());
        entry.put("vi", reason.vietnamese());
        entry.put("en", reason.english());
        return entry;
    }

    /** Reasons about the document as a whole: today only that nothing in it is signed. */
    private static java.util.List<Reason> documentReasons(DocumentSignatures signatures) {
        return signatures.signed() ? java.util.List.of() : java.util.List.of(SignatureProblem.SIGNATURE_MISSING.reason());
    }
}
