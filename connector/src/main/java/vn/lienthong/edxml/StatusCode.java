package vn.lienthong.edxml;

import java.util.Arrays;
import java.util.Optional;

/** The processing states a recipient reports back to the sender (QCVN 102:2016). */
public enum StatusCode {
    ARRIVED("01", "Đã đến", "arrived"),
    REJECTED("02", "Từ chối tiếp nhận", "rejected"),
    ACCEPTED("03", "Đã tiếp nhận, vào sổ", "accepted"),
    ASSIGNED("04", "Phân công", "assigned"),
    PROCESSING("05", "Đang xử lý", "processing"),
    COMPLETED("06", "Hoàn thành", "completed"),
    TAKE_BACK_REQUESTED("13", "Yêu cầu lấy lại", "take-back requested"),
    UPDATE_AGREED("15", "Đồng ý cập nhật/lấy lại", "update or take-back agreed"),
    UPDATE_REFUSED("16", "Từ chối cập nhật/lấy lại", "update or take-back refused");

    private final String code;
    private final String vietnamese;
    private final String english;

    StatusCode(String code, String vietnamese, String english) {
        this.code = code;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String code() {
        return code;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    public static Optional<StatusCode> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
