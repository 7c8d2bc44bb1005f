package vn.lienthong.signature;

/**
 * The verdict on one signature, or on a document's signatures together: VALID (the bytes are intact and the
 * signer is trusted at signing time), INVALID (proven wrong: altered bytes, a revoked or unfit certificate),
 * INDETERMINATE (cannot be proven either way: unknown issuer, revocation unreachable, missing certificate).
 */
public enum Verdict {
    VALID("HỢP LỆ"),
    INDETERMINATE("KHÔNG XÁC ĐỊNH"),
    INVALID("KHÔNG HỢP LỆ");

    private final String vietnamese;

    Verdict(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String label() {
        return vietnamese + " / " + name();
    }

    /** The worse of two: INVALID beats INDETERMINATE beats VALID. */
    public Verdict and(Verdict other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
