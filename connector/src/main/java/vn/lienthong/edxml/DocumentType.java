package vn.lienthong.edxml;

/** The kind of document: an integer code with its detail and name ("Công văn", "Quyết định", ...). */
public record DocumentType(String type, String typeDetail, String typeName) {
}
