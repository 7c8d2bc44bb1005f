package vn.lienthong.tracking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding as tracking keeps it: plain text and numbers, so a record stays readable whatever codes later versions
 * add or rename.
 *
 * @param line   0 when the finding has no position in the file
 * @param column 0 when the finding has no position in the file
 * @param path   "" when the finding points at no element
 */
public record RecordedFinding(String code, String severity, int line, int column, String path, String vietnamese,
                              String english) {

    /** As the operations API and evidence bundles show it: no position is null, not 0; no path is null, not "". */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", code);
        view.put("severity", severity);
        view.put("line", line > 0 ? line : null);
        view.put("column", line > 0 ? column : null);
        view.put("path", path.isEmpty() ? null : path);
        view.put("vi", vietnamese);
        view.put("en", english);
        return view;
    }
}
