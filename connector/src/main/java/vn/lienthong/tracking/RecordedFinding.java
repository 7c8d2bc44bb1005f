package vn.lienthong.tracking;

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
}
