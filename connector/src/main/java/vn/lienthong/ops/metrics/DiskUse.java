package vn.lienthong.ops.metrics;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How much the data directory and the broker's journal take on disk, and how much room is left on the file system
 * that holds the data directory. Walking the directory costs time with many documents, so it is measured in the
 * background ({@link ConnectorMetrics}), never while a scrape waits.
 *
 * @param dataBytes    bytes of every file under the data directory (journal included)
 * @param journalBytes bytes of the embedded broker's files (0 with an external broker)
 * @param freeBytes    bytes the connector can still write on the data directory's file system
 * @param totalBytes   size of that file system
 */
public record DiskUse(long dataBytes, long journalBytes, long freeBytes, long totalBytes) {

    public static final DiskUse UNKNOWN = new DiskUse(0, 0, 0, 0);

    public static DiskUse measure(Path dataDirectory, Path journalDirectory) {
        try {
            FileStore store = Files.getFileStore(dataDirectory);
            return new DiskUse(bytesUnder(dataDirectory), journalDirectory == null ? 0 : bytesUnder(journalDirectory),
                    store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The free share of the file system, 0 to 1; 1 when unknown, so an unknown disk never reads as full. */
    public double freeRatio() {
        return totalBytes <= 0 ? 1.0 : (double) freeBytes / totalBytes;
    }

    private static long bytesUnder(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    total[0] += attributes.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file removed while walking (a document just delivered)
                }
            });
        } catch (IOException e) {
            // what was summed so far is the best known figure
        }
        return total[0];
    }
}
