package vn.lienthong.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.findings.Blocks;
import vn.lienthong.findings.Finding;

/**
 * One JSON object per file, one per line: {@code file}, {@code direction} (outbound or inbound), {@code valid},
 * {@code messageType} (edoc, status or null) and {@code findings} (code, severity, blocksSending, blocksReceiving,
 * line, column, path, vi, en). No summary line, so every line parses.
 */
public final class JsonReportPrinter implements ReportPrinter {

    private final PrintWriter out;
    private final ObjectMapper mapper = new ObjectMapper();

    public JsonReportPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(Path file, ValidationReport report) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", file.toString());
        object.put("direction", report.direction().name().toLowerCase(java.util.Locale.ROOT));
        object.put("valid", report.valid());
        object.put("messageType", report.messageType().map(type -> type.wireName()).orElse(null));
        object.put("findings", report.findings().stream().map(JsonReportPrinter::finding).toList());
        try {
            out.println(mapper.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of plain strings and numbers always serialises", e);
        }
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("code", finding.code().name());
        object.put("severity", finding.severity().name());
        object.put("blocksSending", finding.blocks() == Blocks.SENDING || finding.blocks() == Blocks.BOTH);
        object.put("blocksReceiving", finding.blocks() == Blocks.RECEIVING || finding.blocks() == Blocks.BOTH);
        object.put("line", finding.location().hasPosition() ? finding.location().line() : null);
        object.put("column", finding.location().hasPosition() ? finding.location().column() : null);
        object.put("path", finding.location().path().isEmpty() ? null : finding.location().path());
        object.put("vi", finding.vietnamese());
        object.put("en", finding.english());
        return object;
    }

    @Override
    public void summary(int valid, int invalid, int unreadable) {
        // JSON Lines carry no summary: a consumer counts the objects.
    }
}
