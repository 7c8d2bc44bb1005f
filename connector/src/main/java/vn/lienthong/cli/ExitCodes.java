package vn.lienthong.cli;

/** Exit codes shared by the checking commands (validate, and later verify). */
final class ExitCodes {

    /** Every file valid (warnings allowed). */
    static final int ALL_VALID = 0;
    /** At least one file invalid. */
    static final int SOME_INVALID = 1;
    /** At least one file could not be read, or the command line was wrong (picocli's usage code is also 2). */
    static final int UNREADABLE_OR_USAGE = 2;

    private ExitCodes() {
    }
}
