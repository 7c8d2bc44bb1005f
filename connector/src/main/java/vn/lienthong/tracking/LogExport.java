package vn.lienthong.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the whole transmission log for auditors, a page at a time, with every field exactly as hashed, so
 * that the chain can be recomputed from the export alone (see {@link LogEntryHash}).
 *
 * <p>JSON lines: one object per entry with the keys sequence, time, documentKey, step, outcome, attempt,
 * contentHash, detail, previousHash, entryHash; absent values are JSON null.
 *
 * <p>CSV (RFC 4180, CRLF line ends): a header row with the same names, then one row per entry. A null value is
 * an empty unquoted field, an empty text is {@code ""}, so the two stay distinct. Values are written verbatim
 * (no spreadsheet-formula escaping), because any change would break the hash check.
 */
public final class LogExport {

    static final List<String> FIELDS = List.of("sequence", "time", "documentKey", "step", "outcome", "attempt",
            "contentHash", "detail", "previousHash", "entryHash");

    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface EventWriter {
        void write(LogEvent event) throws IOException;
    }

    private LogExport() {
    }

    static void jsonLines(TransmissionLog log, Writer out) {
        eachEvent(log, out, event -> {
            out.write(json(event));
            out.write('\n');
        });
    }

    static void csv(TransmissionLog log, Writer out) {
        try {
            out.write(String.join(",", FIELDS) + "\r\n");
        } catch (IOException e) {
            throw new TrackingException("could not write the transmission log export", e);
        }
        eachEvent(log, out, event -> {
            StringBuilder row = new StringBuilder();
            for (Object value : values(event).values()) {
                if (row.length() > 0) {
                    row.append(',');
                }
                row.append(csvField(value));
            }
            out.write(row.append("\r\n").toString());
        });
    }

    private static void eachEvent(TransmissionLog log, Writer out, EventWriter writer) {
        try {
            long next = 1;
            List<LogEvent> page;
            do {
                page = log.all(next, PAGE);
                for (LogEvent event : page) {
                    writer.write(event);
                    next = event.sequence() + 1;
                }
            } while (page.size() == PAGE);
            out.flush();
        } catch (IOException e) {
            throw new TrackingException("could not write the transmission log export", e);
        }
    }

    /** The CSV header row, CRLF included. */
    public static String csvHeader() {
        return String.join(",", FIELDS) + "\r\n";
    }

    /** One entry as a CSV row, CRLF included (what {@link #csv} writes for it). */
    public static String csvRow(LogEvent event) {
        StringBuilder row = new StringBuilder();
        for (Object value : values(event).values()) {
            if (row.length() > 0) {
                row.append(',');
            }
            row.append(csvField(value));
        }
        return row.append("\r\n").toString();
    }

    /** One entry's fields in export order, with the names and values of the JSON lines (times as hashed). */
    public static Map<String, Object> values(LogEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sequence", event.sequence());
        values.put("time", LogEntryHash.canonicalTime(event.time()));
        values.put("documentKey", event.documentKey());
        values.put("step", event.step());
        values.put("outcome", event.outcome());
        values.put("attempt", event.attempt());
        values.put("contentHash", event.contentHash());
        values.put("detail", event.detail());
        values.put("previousHash", event.previousHash());
        values.put("entryHash", event.entryHash());
        return values;
    }

    private static String json(LogEvent event) throws JsonProcessingException {
        return JSON.writeValueAsString(values(event));
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty() || text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
