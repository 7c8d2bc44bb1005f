package vn.lienthong.audit;

import java.nio.file.Path;
import vn.lienthong.tracking.TrackingDatabase;

/** Run in a separate JVM: holds a data directory's database open, as a running connector does, until stdin closes. */
public final class DatabaseHolderProcess {

    private DatabaseHolderProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (TrackingDatabase database = TrackingDatabase.openH2(Path.of(args[0]));
                var connection = database.dataSource().getConnection()) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
