package vn.lienthong.edxml;

/** The document this one answers (edoc) or reports on (status); real traffic sends it with empty children. */
public record ResponseFor(String organId, String code, String promulgationDate, String documentId) {
}
