package vn.lienthong.dms.jms;

/** Message properties the connector sets on what it puts on a JMS client's queues (documented in docs/connecting-a-dms.md). */
public final class JmsHeaders {

    /** The document key (64 hex digits), the same the REST and SOAP interfaces use. */
    public static final String KEY = "LienThongKey";
    /** "edoc" or "status". */
    public static final String MESSAGE_TYPE = "LienThongMessageType";
    /** The sending agency's OrganId. */
    public static final String SENDER = "LienThongSender";
    /**
     * The codes of what validation found in a received document, comma-separated (absent when nothing was found);
     * each finding in full is in GET /api/v1/documents/{key}.
     */
    public static final String FINDINGS = "LienThongFindings";

    private JmsHeaders() {
    }
}
