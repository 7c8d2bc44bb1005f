package vn.lienthong.findings;

/**
 * One thing wrong (or worth a warning) with an envelope, in both languages, with where it is.
 *
 * @param severity how much it matters in the direction the envelope was judged for
 * @param blocks   which directions it stops, whichever was asked, so a vendor sees what a receiver will do too
 */
public record Finding(FindingCode code, Severity severity, Blocks blocks, Location location, String vietnamese,
                      String english) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
