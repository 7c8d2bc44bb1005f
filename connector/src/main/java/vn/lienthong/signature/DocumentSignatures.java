package vn.lienthong.signature;

import java.util.List;

/**
 * Every signature of one document — the envelope's XML-DSig and each PDF attachment's signatures — and the
 * verdict on them together: the worst of them, or INDETERMINATE when there is no signature at all
 * ({@link #signed()} then says so, for the policy).
 */
public record DocumentSignatures(List<SignatureCheck> checks) {

    public DocumentSignatures {
        checks = List.copyOf(checks);
    }

    public boolean signed() {
        return !checks.isEmpty();
    }

    public Verdict verdict() {
        if (checks.isEmpty()) {
            return Verdict.INDETERMINATE;
        }
        return checks.stream().map(SignatureCheck::verdict).reduce(Verdict.VALID, Verdict::and);
    }
}
