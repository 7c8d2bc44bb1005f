package vn.lienthong.edxml;

/** An agency as it appears in From and To: its identifier (OrganId) and contact details. */
public record Organization(
        String organId,
        String organizationInCharge,
        String organName,
        String organAdd,
        String email,
        String telephone,
        String fax,
        String website) {

    public static Organization withId(String organId, String organName) {
        return new Organization(organId, null, organName, null, null, null, null, null);
    }
}
