package vn.lienthong.dms.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.Outcome;
import vn.lienthong.findings.Shown;
import vn.lienthong.transport.DmsFolder;
import vn.lienthong.transport.FilePermissions;

/**
 * Parks a refused file in a client's error/ folder with the reasons beside it: {@code NAME.errors.txt} for a
 * person (every error in Vietnamese, then English, with where it is) and {@code NAME.errors.json} for the DMS
 * ({@code {"file", "client", "status", "errors": [DmsError…]}}, the same error shape as every other interface).
 * The reports are in place before the file arrives, so whoever sees the file also finds why. The name in error/ is
 * shortened when the reports' names would not fit the file system; {@code "file"} keeps the name it had in in/.
 */
final class RefusalReport {

    static final String TEXT = ".errors.txt";
    static final String JSON = ".errors.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RefusalReport() {
    }

    /** Moves {@code name} from {@code in} into {@code error} after its reports; returns where it now is. */
    static Path park(DmsFolder in, String name, DmsFolder error, String clientId, Outcome outcome, Instant at)
            throws IOException {
        String parked = error.freeName(name, List.of(TEXT, JSON));
        write(error, parked + TEXT, text(name, clientId, outcome, at));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", name);
        json.put("client", clientId);
        json.put("status", outcome.status().name());
        json.put("errors", outcome.errors());
        write(error, parked + JSON, MAPPER.writeValueAsString(json));
        in.move(name, error, parked);
        return error.path().resolve(parked);
    }

    static String text(String fileName, String clientId, Outcome outcome, Instant at) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("VĂN BẢN BỊ TỪ CHỐI / DOCUMENT REFUSED");
        out.println("Tệp / File:          " + Shown.escaped(fileName)); // a file name may hold an escape sequence
        out.println("Máy khách / Client:  " + clientId);
        out.println("Thời điểm / At:      " + at);
        out.println("Số lỗi / Errors:     " + outcome.errors().size());
        int number = 1;
        for (DmsError error : outcome.errors()) {
            out.println();
            out.println(number++ + ". " + error.code() + " (" + error.severity() + ")" + where(error.location()));
            out.println("   Tiếng Việt: " + error.vietnamese());
            out.println("   English:    " + error.english());
        }
        out.flush();
        return text.toString();
    }

    private static String where(DmsError.Where location) {
        StringBuilder where = new StringBuilder();
        if (location != null && location.line() != null) {
            where.append("  dòng/line ").append(location.line());
            if (location.column() != null) {
                where.append(", cột/column ").append(location.column());
            }
        }
        if (location != null && location.path() != null) {
            where.append("  ").append(location.path());
        }
        return where.toString();
    }

    /** Under a hidden temporary name, then renamed: a DMS never reads half a report. */
    private static void write(DmsFolder folder, String name, String content) throws IOException {
        folder.write(name, FilePermissions.FOR_DMS, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }
}
