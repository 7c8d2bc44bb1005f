package vn.lienthong.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import vn.lienthong.findings.Direction;

/** Sample documents and a fixed clock for the tracking tests. */
final class TrackingFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00.123Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SENDER = "000.00.00.G22";
    static final String ENVELOPE_SHA256 = "ab".repeat(32);

    private TrackingFixtures() {
    }

    static DocumentKey key(String documentId) {
        return DocumentKey.of(SENDER, documentId, ENVELOPE_SHA256);
    }

    static TrackedDocument outbound(String documentId) {
        return outbound(documentId, NOW);
    }

    static TrackedDocument outbound(String documentId, Instant created) {
        return new TrackedDocument(key(documentId), Direction.OUTBOUND, "edoc", SENDER,
                List.of("000.00.01.H29", "000.00.02.H53"), documentId, "7816/VPCP-TTĐT", ENVELOPE_SHA256, null,
                DocumentState.RECEIVED, null, created, created);
    }
}
