package vn.lienthong.axis;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An agency of the platform's directory; {@code code} is its OrganId. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agency(String id, String pid, String code, String code102, String name, String mail) {
}
