package vn.lienthong.audit;

/**
 * Why an export, an archive set, a data directory or an anchor failed verification, said in both languages and naming
 * the entry (or tree size) concerned, so that an auditor can go straight to it.
 */
public final class AuditProblem extends Exception {

    private final String code;
    private final String vietnamese;
    private final String english;
    private final long sequence;

    /**
     * @param code       UPPER_SNAKE English, stable for scripts
     * @param sequence   the entry (or the tree size) concerned, or -1 when none is
     * @param vietnamese the whole sentence in Vietnamese
     * @param english    the same sentence in English
     */
    public AuditProblem(String code, long sequence, String vietnamese, String english) {
        this(code, sequence, vietnamese, english, null);
    }

    public AuditProblem(String code, long sequence, String vietnamese, String english, Throwable cause) {
        super(vietnamese + " / " + english, cause);
        this.code = code;
        this.sequence = sequence;
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

    /** The entry or tree size concerned, or -1. */
    public long sequence() {
        return sequence;
    }
}
