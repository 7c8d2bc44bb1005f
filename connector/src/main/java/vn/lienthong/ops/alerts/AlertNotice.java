package vn.lienthong.ops.alerts;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.tracking.AlertRecords;

/** One message about one alert, raised or resolved, as every channel words it: Vietnamese first, English after. */
public record AlertNotice(Kind kind, AlertRecords.Alert alert, String source) {

    public enum Kind {
        RAISED,
        RESOLVED
    }

    public String subject() {
        String label = kind == Kind.RAISED ? "CẢNH BÁO / ALERT" : "ĐÃ HẾT / RESOLVED";
        return "[LienThong " + source + "] " + label + ": " + alert.key();
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        if (kind == Kind.RAISED) {
            text.append("Cảnh báo (").append(alert.severity()).append(") từ bộ kết nối ").append(source).append(", lúc ")
                    .append(alert.raisedAt()).append(":\n").append(alert.vietnamese()).append("\n\n");
            text.append("Alert (").append(alert.severity()).append(") from connector ").append(source).append(", at ")
                    .append(alert.raisedAt()).append(":\n").append(alert.english()).append('\n');
        } else {
            text.append("Đã hết cảnh báo lúc ").append(alert.resolvedAt()).append(" (nêu lúc ").append(alert.raisedAt())
                    .append("):\n").append(alert.vietnamese()).append("\n\n");
            text.append("Resolved at ").append(alert.resolvedAt()).append(" (raised at ").append(alert.raisedAt())
                    .append("):\n").append(alert.english()).append('\n');
        }
        text.append("\nMã / Key: ").append(alert.key()).append('\n');
        return text.toString();
    }

    /** The body of a webhook notice. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.name());
        json.put("source", source);
        json.put("key", alert.key());
        json.put("rule", alert.ruleId());
        json.put("severity", alert.severity());
        json.put("vi", alert.vietnamese());
        json.put("en", alert.english());
        json.put("raisedAt", String.valueOf(alert.raisedAt()));
        json.put("resolvedAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
        return json;
    }
}
