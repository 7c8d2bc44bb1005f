package vn.lienthong.edxml;

import java.util.Arrays;
import java.util.Optional;

/** BussinessDocType: what an edoc does to the documents already exchanged. */
public enum BusinessDocType {
    NEW("0"),
    REVOCATION("1"),
    UPDATE("2"),
    REPLACEMENT("3");

    private final String code;

    BusinessDocType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<BusinessDocType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        return Arrays.stream(values()).filter(type -> type.code.equals(trimmed)).findFirst();
    }
}
