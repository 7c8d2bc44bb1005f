package vn.lienthong.edxml;

/** The person who acted: department, name, email and mobile number. */
public record StaffInfo(String department, String staff, String email, String mobile) {
}
