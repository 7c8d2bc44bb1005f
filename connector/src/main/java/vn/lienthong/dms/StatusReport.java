package vn.lienthong.dms;

/**
 * A status the DMS reports for a document it received: the code (01 arrived … 16), a description, and who acted.
 * Any field but the code may be null.
 */
public record StatusReport(String statusCode, String description, String department, String staff, String email,
                           String mobile) {
}
