package vn.lienthong.audit;

import java.io.OutputStream;
import java.nio.file.Path;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TrackingException;

/**
 * Evidence from a stopped connector's data directory, or a copy of one: its database ({@code db/tracking.mv.db})
 * opened read-only, its envelopes from {@code store/}. A running connector holds the database; that is said plainly.
 * The manifest is not signed: the agency key stays with the connector.
 */
public final class OfflineEvidence {

    private static final String COMMAND = "audit evidence";

    private OfflineEvidence() {
    }

    /** Writes the bundle of {@code key} from the data directory {@code data} to {@code out}. */
    public static void write(Path data, String key, OutputStream out) throws AuditProblem, UnusableInput, java.io.IOException {
        TrackingDatabase database = DataDirectoryCheck.openReadOnly(data, COMMAND);
        try (database) {
            EvidenceBundle.Prepared prepared;
            try {
                prepared = new EvidenceBundle(database, data.resolve("store"), null).prepare(key);
            } catch (TrackingException e) {
                throw DataDirectoryCheck.inUseOrUnreadable(data, e, COMMAND);
            }
            prepared.writeTo(out);
        }
    }
}
