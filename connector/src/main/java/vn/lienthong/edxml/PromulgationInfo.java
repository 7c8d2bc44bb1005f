package vn.lienthong.edxml;

/** Where and when the document was issued; the date is kept as sent ({@code yyyy/MM/dd}) and checked by validation. */
public record PromulgationInfo(String place, String promulgationDate) {
}
