package vn.lienthong.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An evidence bundle opened for checking: its files by name, read on demand, and the ASiC rule that {@code mimetype}
 * comes first, stored, with nothing after its name.
 */
final class BundleZip implements AutoCloseable {

    /** No file of a bundle but the envelope is read whole; none of them is anywhere near this. */
    private static final int SMALL_FILE_LIMIT = 64 * 1024 * 1024;

    private final Path path;
    private final ZipFile zip;
    private final Set<String> names;

    private BundleZip(Path path, ZipFile zip, Set<String> names) {
        this.path = path;
        this.zip = zip;
        this.names = names;
    }

    /** @throws AuditProblem EVIDENCE_UNREADABLE (not a ZIP), EVIDENCE_DUPLICATE_FILE */
    static BundleZip open(Path path) throws AuditProblem {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new AuditProblem("EVIDENCE_UNREADABLE", -1,
                    "Không mở được " + path + " như một tệp ZIP nên không kiểm tra được gói bằng chứng.",
                    "Cannot open " + path + " as a ZIP file, so the evidence bundle cannot be checked (" + e.getMessage()
                            + ").", e);
        }
        Set<String> names = new LinkedHashSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!names.add(entry.getName())) {
                close(zip);
                throw new AuditProblem("EVIDENCE_DUPLICATE_FILE", -1,
                        "Gói bằng chứng chứa hai tệp cùng tên " + entry.getName() + ": một trong hai đã được chèn thêm.",
                        "The evidence bundle holds two files named " + entry.getName() + ": one of them was inserted.");
            }
        }
        return new BundleZip(path, zip, names);
    }

    Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    boolean has(String name) {
        return names.contains(name);
    }

    /**
     * ASiC-E: the first local header is {@code mimetype}, stored (not compressed), no extra field, holding exactly
     * the media type, so that a tool can tell the container's kind from its first bytes.
     */
    void checkMimetype() throws AuditProblem {
        byte[] expected = EvidenceFiles.MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
        byte[] name = EvidenceFiles.MIMETYPE.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer head = ByteBuffer.allocate(30 + name.length + expected.length).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(path)) {
            while (head.hasRemaining() && channel.read(head) > 0) {
                // reads the first local header and what follows it
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        head.flip();
        boolean first = head.remaining() == head.capacity() && head.getInt(0) == 0x04034b50
                && head.getShort(8) == 0 && head.getShort(26) == name.length && head.getShort(28) == 0
                && Arrays.equals(Arrays.copyOfRange(head.array(), 30, 30 + name.length), name)
                && Arrays.equals(Arrays.copyOfRange(head.array(), 30 + name.length, head.capacity()), expected);
        if (!first) {
            throw new AuditProblem("EVIDENCE_MIMETYPE", -1,
                    "Tệp đầu tiên của gói bằng chứng không phải là tệp mimetype không nén chứa " + EvidenceFiles.MEDIA_TYPE
                            + ", như ASiC-E yêu cầu.",
                    "The evidence bundle's first file is not an uncompressed mimetype file holding "
                            + EvidenceFiles.MEDIA_TYPE + ", as ASiC-E requires.");
        }
    }

    byte[] read(String name) throws AuditProblem {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw missing(name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(SMALL_FILE_LIMIT + 1);
            if (bytes.length > SMALL_FILE_LIMIT) {
                throw new AuditProblem("EVIDENCE_FILE_TOO_LARGE", -1,
                        "Tệp " + name + " của gói bằng chứng lớn hơn " + SMALL_FILE_LIMIT + " byte, lớn hơn mọi tệp thật.",
                        "The evidence bundle's file " + name + " is larger than " + SMALL_FILE_LIMIT + " bytes, larger"
                                + " than any real one.");
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The SHA-256 of a file, streamed: the envelope is never held whole. */
    byte[] sha256(String name) throws AuditProblem {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw missing(name);
        }
        MessageDigest digest = EvidenceBundle.sha256();
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return digest.digest();
    }

    static AuditProblem missing(String name) {
        return new AuditProblem("EVIDENCE_FILE_MISSING", -1,
                "Gói bằng chứng thiếu tệp " + name + ".", "The evidence bundle lacks the file " + name + ".");
    }

    private AuditProblem unreadable(IOException e) {
        return new AuditProblem("EVIDENCE_UNREADABLE", -1,
                "Không đọc được tệp ZIP " + path + ": tệp bị hỏng hoặc bị cắt ngắn.",
                "Cannot read the ZIP file " + path + ": it is damaged or cut short (" + e.getMessage() + ").", e);
    }

    @Override
    public void close() {
        close(zip);
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
