package vn.lienthong.findings;

import java.util.Locale;

/** How much a finding matters. SeverityPolicy may move any rule between these; {@code OFF} silences it. */
public enum Severity {
    ERROR("LỖI", "ERROR"),
    WARNING("CẢNH BÁO", "WARNING"),
    OFF("TẮT", "OFF");

    private final String vietnamese;
    private final String english;

    Severity(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String label() {
        return vietnamese + "/" + english;
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
