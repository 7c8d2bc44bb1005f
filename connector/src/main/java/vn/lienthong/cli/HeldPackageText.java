package vn.lienthong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Held packages as an operator reads them: Vietnamese first, then English, one fact a line. */
final class HeldPackageText {

    private HeldPackageText() {
    }

    static void summary(JsonNode document, PrintWriter out) {
        out.println("  " + document.path("state").asText() + "  " + text(document, "direction") + "  "
                + document.path("key").asText());
        out.println("    trục/axis DocId " + text(document, "axisDocId") + "  từ/from " + text(document, "sender")
                + "  đến/to " + list(document.path("recipients")) + "  nhận lúc/received " + text(document, "received"));
        out.println("    lý do/reason: " + text(document, "reason"));
    }

    static void details(JsonNode body, PrintWriter out) {
        JsonNode document = body.path("document");
        out.println("Gói tin / Package " + text(document, "key"));
        out.println("  trạng thái/state: " + text(document, "state"));
        out.println("  lý do/reason: " + text(document, "reason"));
        out.println("  loại/type: " + text(document, "messageType") + "  mã văn bản/document id: " + text(document, "documentId")
                + "  số, ký hiệu/code: " + text(document, "code"));
        out.println("  trục/axis DocId: " + text(document, "axisDocId"));
        out.println("  từ/from: " + text(document, "sender") + "  đến/to: " + list(document.path("recipients")));
        out.println("  nhận lúc/received: " + text(document, "received") + "  cập nhật/updated: " + text(document, "updated"));
        JsonNode findings = body.path("findings");
        out.println("Kết quả kiểm tra / Findings: " + findings.size());
        for (JsonNode finding : findings) {
            String where = finding.path("line").isNumber()
                    ? "  dòng/line " + finding.path("line").asInt() + ", cột/column " + finding.path("column").asInt() : "";
            String path = finding.path("path").isTextual() ? "  " + finding.path("path").asText() : "";
            out.println("  " + finding.path("severity").asText() + "  " + finding.path("code").asText() + where + path);
            out.println("    " + finding.path("vi").asText());
            out.println("    " + finding.path("en").asText());
        }
        if (body.path("signatureReport").isTextual()) {
            out.println("Chữ ký số / Signatures:");
            body.path("signatureReport").asText().lines().forEach(line -> out.println("  " + line));
        }
        events(body, out);
    }

    /** Each recipient's statuses, as the API's {@code timeline} lists them. */
    static void timeline(JsonNode body, PrintWriter out) {
        out.println("Dòng thời gian / Timeline:");
        for (JsonNode status : body.path("timeline")) {
            out.println("  " + text(status, "recipient") + "  " + text(status, "code") + "  " + text(status, "time")
                    + "  " + text(status, "description"));
        }
    }

    /** The transmission log entries, as the API's {@code events} lists them. */
    static void events(JsonNode body, PrintWriter out) {
        out.println("Nhật ký truyền nhận / Transmission log:");
        for (JsonNode event : body.path("events")) {
            out.println("  #" + event.path("sequence").asLong() + "  " + event.path("time").asText() + "  "
                    + event.path("step").asText() + "  " + event.path("outcome").asText() + "  " + text(event, "detail"));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }

    private static String list(JsonNode array) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : array) {
            joined.append(joined.length() == 0 ? "" : ", ").append(item.asText());
        }
        return joined.length() == 0 ? "-" : joined.toString();
    }
}
