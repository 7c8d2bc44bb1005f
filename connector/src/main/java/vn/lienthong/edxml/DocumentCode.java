package vn.lienthong.edxml;

/** The number (số) and notation (ký hiệu) of a document, e.g. {@code 7816} / {@code VPCP-TTĐT}. */
public record DocumentCode(String codeNumber, String codeNotation) {
}
