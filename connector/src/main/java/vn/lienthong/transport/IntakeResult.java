package vn.lienthong.transport;

import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.validation.ValidationReport;

/**
 * What intake decided about one document, for the route (or the DMS interface) to act on: queue it for the axis
 * (edoc or status), or stop because it was refused, quarantined, or is a replay of one already queued. A refusal
 * carries what it was based on, so an interface can answer with every reason.
 *
 * @param report     the validation report; null for a replay recognised before validation
 * @param signatures the signatures' verdicts; null when intake stopped before checking them
 */
public record IntakeResult(Decision decision, String key, ValidationReport report, DocumentSignatures signatures) {

    public enum Decision { QUEUE_EDOC, QUEUE_STATUS, REFUSED, QUARANTINED, DUPLICATE }

    public IntakeResult(Decision decision, String key) {
        this(decision, key, null, null);
    }

    public boolean queued() {
        return decision == Decision.QUEUE_EDOC || decision == Decision.QUEUE_STATUS;
    }
}
