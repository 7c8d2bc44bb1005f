package vn.lienthong.transport;

import java.util.EnumMap;
import java.util.Map;
import vn.lienthong.signature.SignaturePolicy;
import vn.lienthong.signature.Verdict;

/** Signature policies the intake tests need. */
final class Policies {

    private Policies() {
    }

    /**
     * Accepts every signed document and refuses unsigned ones: the gate then logs its own verdict on an unsigned
     * document (it logs only those that stop one), so a gate on a closed log fails after validation has spooled.
     */
    static SignaturePolicy refusingUnsigned() {
        Map<Verdict, SignaturePolicy.Action> byVerdict = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            byVerdict.put(verdict, SignaturePolicy.Action.ACCEPT);
        }
        return new SignaturePolicy(byVerdict, SignaturePolicy.Action.REFUSE);
    }
}
