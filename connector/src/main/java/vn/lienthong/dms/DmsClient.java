package vn.lienthong.dms;

import java.util.Set;

/**
 * A document-management system plugged into the connector: who it is, how it proves it (an API key, stored only
 * as its SHA-256, or a TLS client certificate, by its SHA-256 fingerprint), the agencies it may act for, and how
 * it receives documents.
 */
public record DmsClient(String id, String name, Set<String> organIds, String apiKeySha256, String certificateSha256,
                        Delivery delivery) {

    public DmsClient {
        organIds = Set.copyOf(organIds);
    }

    /** Whether this client may send as, read for, or report status for the agency {@code organId}. */
    public boolean actsFor(String organId) {
        return organId != null && organIds.contains(organId);
    }

    @Override
    public String toString() {
        return "DmsClient[" + id + " for " + organIds + ", delivery " + delivery.mode() + "]";
    }
}
