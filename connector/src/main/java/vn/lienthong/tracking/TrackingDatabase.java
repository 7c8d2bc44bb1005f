package vn.lienthong.tracking;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Objects;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database behind tracking and the transmission log: an embedded H2 file under the data directory by
 * default, or any DataSource (PostgreSQL in production). Opening it creates the schema if absent.
 */
public final class TrackingDatabase implements AutoCloseable {

    /** Enough for every route consuming concurrently plus the console; callers beyond it wait, they do not fail. */
    private static final int MAX_POOLED_CONNECTIONS = 32;

    /**
     * Parsed statements each H2 session keeps (H2's default is 8). A connection runs some twenty different statements,
     * and every savepoint a hop takes is a new statement to H2 (its name counts up), so eight were pushed out before
     * they were used again.
     */
    private static final int QUERY_CACHE_SIZE = 64;

    /**
     * H2 settings, each chosen for kill -9 safety or predictability:
     * WRITE_DELAY=0 makes every commit write its changes to the file before returning (the default 500 ms
     * delay would let a killed process lose transactions it had already acknowledged; without a delay H2 runs no
     * background writer either, so {@link StoreHousekeeping} does its compaction);
     * DB_CLOSE_ON_EXIT=FALSE because we close on our own shutdown, after the routes have stopped;
     * AUTO_SERVER=FALSE so no other process can open the file behind our back;
     * LOCK_TIMEOUT gives log appends, which all lock the one log head row, time to queue under load.
     */
    private static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000"
            + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;

    /** Idle connections kept open; a busy connector opens more, up to {@link #MAX_POOLED_CONNECTIONS}. */
    private static final int MIN_IDLE_CONNECTIONS = 4;

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final StoreHousekeeping housekeeping;
    private LogWriter logWriter;
    private boolean closed;

    private TrackingDatabase(DataSource dataSource, AutoCloseable ownedPool, StoreHousekeeping housekeeping) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.housekeeping = housekeeping;
    }

    /**
     * Opens (creating if needed) {@code <dataDirectory>/tracking.mv.db}. The folder and the database file hold the
     * transmission log: they are made the connector's user's alone (H2 creates its file under the umask).
     */
    public static TrackingDatabase openH2(Path dataDirectory) {
        return openH2(dataDirectory, true);
    }

    /** As {@link #openH2(Path)}; without {@code housekeeping} the file keeps every chunk that has a live page. */
    static TrackingDatabase openH2(Path dataDirectory, boolean housekeeping) {
        String url = h2Url(dataDirectory);
        try {
            Files.createDirectories(dataDirectory);
            ownerOnly(dataDirectory, OWNER_ONLY_FOLDER);
        } catch (IOException e) {
            throw new TrackingException("could not create the data directory " + dataDirectory, e);
        }
        // The database lives on the local disk with the connector's own file permissions; a password here
        // would protect nothing that the file system does not already protect.
        HikariDataSource pool = pool(url);
        try {
            Schema.apply(pool);
            try (var files = Files.newDirectoryStream(dataDirectory, "tracking.*")) {
                for (Path file : files) {
                    ownerOnly(file, OWNER_ONLY);
                }
            }
        } catch (IOException e) {
            pool.close();
            throw new TrackingException("could not make the database files owner-only in " + dataDirectory, e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new TrackingDatabase(pool, pool, housekeeping ? StoreHousekeeping.start(pool) : null);
    }

    /**
     * HikariCP in front of the file database, not H2's own pool: H2's rolls back every connection it takes back, and
     * a rollback empties that session's cache of parsed statements, so every statement was parsed again each time.
     * The pool opens its first connection at once, so a file another process holds is refused here, not later.
     */
    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tracking");
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(MAX_POOLED_CONNECTIONS);
        config.setMinimumIdle(MIN_IDLE_CONNECTIONS);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new TrackingException("could not open the tracking database", e.getCause() == null ? e : e.getCause());
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix && (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /**
     * Opens an existing {@code <dataDirectory>/tracking.mv.db} read-only, for an auditor: nothing is created or
     * changed, and H2 refuses (error 90020, "database may be already in use") while a running connector holds the file.
     */
    public static TrackingDatabase openH2ReadOnly(Path dataDirectory) {
        if (!Files.isRegularFile(dataDirectory.resolve("tracking.mv.db"))) {
            throw new TrackingException("there is no tracking database (tracking.mv.db) in " + dataDirectory, null);
        }
        String file = dataDirectory.toAbsolutePath().normalize().resolve("tracking").toString();
        if (file.contains(";")) {
            throw new IllegalArgumentException("the data directory path must not contain ';': " + dataDirectory);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + file
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        pool.setMaxConnections(4);
        return new TrackingDatabase(pool, pool::dispose, null);
    }

    /** Uses a DataSource the caller owns (and closes): {@link #close()} leaves it open. */
    public static TrackingDatabase open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Schema.apply(dataSource);
        return new TrackingDatabase(dataSource, null, null);
    }

    static String h2Url(Path dataDirectory) {
        String file = dataDirectory.toAbsolutePath().normalize().resolve("tracking").toString();
        if (file.contains(";")) {
            throw new IllegalArgumentException("the data directory path must not contain ';' (H2 reads it as a setting): "
                    + dataDirectory);
        }
        return "jdbc:h2:file:" + file + H2_SETTINGS;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The one writer of this database's transmission log (see {@link LogWriter}), started at the first append, so
     * that every {@link TransmissionLog} on this database shares it and a read-only database never starts one.
     */
    synchronized LogWriter logWriter() {
        if (logWriter == null) {
            if (closed) {
                throw new TrackingException("the tracking database is closed: the transmission log takes no more entries",
                        null);
            }
            logWriter = new LogWriter(dataSource, "transmission-log-writer");
        }
        return logWriter;
    }

    /**
     * Finishes the appends already handed to the log writer, stops the housekeeping, then closes the pooled connections
     * of an embedded database; H2 closes the file when the last one goes. Appends after this are refused.
     */
    @Override
    public void close() {
        LogWriter writer;
        synchronized (this) {
            closed = true;
            writer = logWriter;
        }
        if (writer != null) {
            writer.close();
        }
        if (housekeeping != null) {
            housekeeping.close();
        }
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new TrackingException("could not close the tracking database", e);
            }
        }
    }
}
