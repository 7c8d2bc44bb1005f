package vn.lienthong.cli;

import java.nio.file.Path;
import vn.lienthong.tracking.TrackingDatabase;

/**
 * What a test's child JVM runs to stand for a running connector: opens {@code <data>/db} as the connector does, says
 * {@code ready}, and holds it until its standard input closes.
 */
public final class RunningConnectorDatabase {

    private RunningConnectorDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (TrackingDatabase database = TrackingDatabase.openH2(Path.of(args[0]).resolve("db"))) {
            database.dataSource().getConnection().close();
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the test closes our input
            }
        }
    }
}
