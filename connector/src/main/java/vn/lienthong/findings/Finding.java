package vn.lienthong.findings;

/** One thing wrong (or worth a warning) with an envelope, in both languages, with where it is. */
public record Finding(FindingCode code, Severity severity, Location location, String vietnamese, String english) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
