package vn.lienthong.transport;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import vn.lienthong.findings.Blocks;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Severity;

/**
 * Judges an entry a DMS put into a folder the connector reads (its outbox, a folder client's in/) by what it is,
 * before a byte of it is read: anything but a regular file (a symbolic link, a FIFO, a device, a folder) is refused,
 * and so is a file larger than an envelope may be, so it is never copied. These refusals are errors whatever the
 * severity policy says: they protect the connector, not the agencies' conventions.
 */
public final class FolderEntry {

    /** File names in sentences are cut like every other value from outside. */
    private static final int MAX_NAME_SHOWN = 200;

    private FolderEntry() {
    }

    /** Why {@code entry} is refused unread, or empty when it is a regular file within {@code maxBytes}. */
    public static Optional<Finding> refusal(String name, BasicFileAttributes entry, long maxBytes) {
        if (!entry.isRegularFile()) {
            var kind = DmsFolder.kind(entry);
            String shown = name.length() > MAX_NAME_SHOWN ? name.substring(0, MAX_NAME_SHOWN) + "…" : name;
            return Optional.of(error(FindingCode.FILE_NOT_REGULAR, FindingCode.FILE_NOT_REGULAR.vietnamese(shown, kind.vietnamese()),
                    FindingCode.FILE_NOT_REGULAR.english(shown, kind.english())));
        }
        if (entry.size() > maxBytes) {
            return Optional.of(tooLarge(maxBytes));
        }
        return Optional.empty();
    }

    /** An envelope over the size limit, found before it was read or while it was copied in. */
    public static Finding tooLarge(long maxBytes) {
        return error(FindingCode.LIMIT_ENVELOPE_SIZE, FindingCode.LIMIT_ENVELOPE_SIZE.vietnamese(maxBytes),
                FindingCode.LIMIT_ENVELOPE_SIZE.english(maxBytes));
    }

    private static Finding error(FindingCode code, String vietnamese, String english) {
        return new Finding(code, Severity.ERROR, Blocks.BOTH, Location.UNKNOWN, vietnamese, english);
    }
}
