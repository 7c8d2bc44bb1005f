package vn.lienthong.audit;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TrackingException;

/**
 * Evidence from a stopped connector's data directory, or a copy of one: its database ({@code db/tracking.mv.db})
 * opened read-only, its envelopes from {@code store/}. A running connector holds the database; that is said plainly.
 * The manifest is not signed: the agency key stays with the connector.
 */
public final class OfflineEvidence {

    private static final int DATABASE_IN_USE = 90020;

    private OfflineEvidence() {
    }

    /** Writes the bundle of {@code key} from the data directory {@code data} to {@code out}. */
    public static void write(Path data, String key, OutputStream out) throws AuditProblem, UnusableInput, java.io.IOException {
        Path databaseFolder = DataDirectoryCheck.databaseFolder(data).orElse(null);
        if (databaseFolder == null) {
            throw new UnusableInput("Thư mục " + data + " không phải là thư mục dữ liệu của bộ kết nối: không có"
                    + " db/tracking.mv.db.", "The folder " + data + " is not a connector's data directory: it has no"
                    + " db/tracking.mv.db.", null);
        }
        TrackingDatabase database;
        try {
            database = TrackingDatabase.openH2ReadOnly(databaseFolder);
            database.dataSource().getConnection().close();
        } catch (SQLException | TrackingException e) {
            throw inUseOrUnreadable(data, e);
        }
        try (database) {
            EvidenceBundle.Prepared prepared;
            try {
                prepared = new EvidenceBundle(database, data.resolve("store"), null).prepare(key);
            } catch (TrackingException e) {
                throw inUseOrUnreadable(data, e);
            }
            prepared.writeTo(out);
        }
    }

    private static UnusableInput inUseOrUnreadable(Path data, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DATABASE_IN_USE) {
                return new UnusableInput("Bộ kết nối đang chạy và đang giữ cơ sở dữ liệu trong " + data + ", nên không"
                        + " mở được nó. Hãy lấy gói bằng chứng từ bộ kết nối đang chạy (audit evidence --config), hoặc"
                        + " dùng một bản sao của thư mục dữ liệu.",
                        "The connector is running and holds the database in " + data + ", so it cannot be opened. Get"
                        + " the evidence bundle from the running connector (audit evidence --config), or use a copy of"
                        + " the data directory.", e);
            }
        }
        return new UnusableInput("Không đọc được cơ sở dữ liệu trong " + data + ".",
                "Cannot read the database in " + data + " (" + e.getMessage() + ").", e);
    }
}
