package vn.lienthong.transport;

/** The step names written to the transmission log, one vocabulary for every flow (auditors filter by them). */
public final class Steps {

    public static final String INTAKE_ACCEPTED = "intake-accepted";
    public static final String INTAKE_REFUSED = "intake-refused";
    public static final String INTAKE_DUPLICATE = "intake-duplicate";
    public static final String QUEUED = "queued";
    public static final String SIGNATURES_CHECKED = "signatures-checked";
    public static final String SIGNED = "signed";
    public static final String SENT_TO_AXIS = "sent-to-axis";
    public static final String SEND_FAILED = "send-failed";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final String DEAD_LETTER_RETRIED = "dead-letter-retried";
    public static final String DEAD_LETTER_DISCARDED = "dead-letter-discarded";
    public static final String FETCHED_FROM_AXIS = "fetched-from-axis";
    public static final String COLLECTED = "collected";
    public static final String INBOUND_ACCEPTED = "inbound-accepted";
    public static final String INBOUND_REFUSED = "inbound-refused";
    public static final String INBOUND_QUARANTINED = "inbound-quarantined";
    public static final String INBOUND_RELEASED = "inbound-released";
    public static final String QUARANTINE_RELEASED = "quarantine-released";
    public static final String QUARANTINE_DISCARDED = "quarantine-discarded";
    public static final String INBOUND_DISCARDED = "inbound-discarded";
    public static final String INBOUND_DUPLICATE = "inbound-duplicate";
    public static final String DELIVERED_TO_DMS = "delivered-to-dms";
    public static final String STATUS_RECORDED = "status-recorded";
    public static final String STATUS_UNMATCHED = "status-unmatched";
    /** Console sign-ins and sign-outs; their entries name the user and the address, never a password or session. */
    public static final String CONSOLE_SIGN_IN = "console-sign-in";
    public static final String CONSOLE_SIGN_OUT = "console-sign-out";
    /** An auditor's HTTP Basic sign-in to the audit routes of the operations API (the {@code audit} command line). */
    public static final String AUDIT_SIGN_IN = "audit-sign-in";

    public static final String OK = "ok";
    public static final String RETRY = "retry";
    public static final String REFUSED = "refused";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String LOCKED = "locked";

    private Steps() {
    }
}
