package vn.lienthong.audit;

/** Input that cannot be verified at all (missing, not readable, a database in use): exit 2, not a failed check. */
public final class UnusableInput extends Exception {

    private final String vietnamese;
    private final String english;

    public UnusableInput(String vietnamese, String english, Throwable cause) {
        super(vietnamese + " / " + english, cause);
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
