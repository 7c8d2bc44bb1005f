package vn.lienthong.edxml;

/** Who signed the document: competence (thẩm quyền), position (chức vụ) and full name. */
public record SignerInfo(String competence, String position, String fullName) {
}
