package vn.lienthong.audit;

import java.nio.file.Path;
import vn.lienthong.tracking.TrackingDatabase;

/** Opens a stopped connector's data directory, or a copy, for an auditor: read-only, nothing created or changed. */
public final class AuditDatabase {

    private AuditDatabase() {
    }

    /**
     * @throws UnusableInput when there is no database there, or a running connector holds it (the message then says,
     *                       in both languages, to export online with --config or to use a copy)
     */
    public static TrackingDatabase openReadOnly(Path data) throws UnusableInput {
        return DataDirectoryCheck.openReadOnly(data);
    }
}
