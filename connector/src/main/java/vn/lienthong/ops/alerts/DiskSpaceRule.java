package vn.lienthong.ops.alerts;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The file system of the data directory (store, journal, database) with less than
 * {@code lienthong.alerts.disk.min-free-percent} free: the connector stops taking documents when it is full.
 */
final class DiskSpaceRule implements AlertRule {

    private final Path directory;
    private final double minFreePercent;

    DiskSpaceRule(Path directory, double minFreePercent) {
        this.directory = directory;
        this.minFreePercent = minFreePercent;
    }

    @Override
    public String id() {
        return "disk";
    }

    @Override
    public List<Breach> check(Instant now) throws Exception {
        FileStore store = Files.getFileStore(directory);
        double free = 100.0 * store.getUsableSpace() / store.getTotalSpace();
        if (free >= minFreePercent) {
            return List.of();
        }
        String shown = String.format(Locale.ROOT, "%.1f%%", free);
        long freeMiB = store.getUsableSpace() / (1024 * 1024);
        return List.of(new Breach(id(), id(), free < minFreePercent / 2 ? Breach.Severity.CRITICAL : Breach.Severity.WARNING,
                "Ổ đĩa chứa thư mục dữ liệu " + directory + " chỉ còn trống " + shown + " (" + freeMiB + " MiB).",
                "The disk of the data directory " + directory + " has only " + shown + " free (" + freeMiB + " MiB)."));
    }
}
