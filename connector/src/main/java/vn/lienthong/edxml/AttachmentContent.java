package vn.lienthong.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import vn.lienthong.findings.Bilingual;

/**
 * The decoded bytes of an attachment, spooled to a file with their size and SHA-256 taken on the way in.
 * Two contents are equal when their bytes are (same size, same SHA-256, same decoding problem); where the
 * spool file lives does not matter.
 */
public final class AttachmentContent {

    private final Path spoolFile;
    private final long size;
    private final String sha256;
    private final Bilingual base64Problem;

    AttachmentContent(Path spoolFile, long size, String sha256, Bilingual base64Problem) {
        this.spoolFile = spoolFile;
        this.size = size;
        this.sha256 = sha256;
        this.base64Problem = base64Problem;
    }

    /** Content backed by an existing file (for envelopes built in code); hashes the file as a stream. */
    public static AttachmentContent ofFile(Path file) throws IOException {
        var digest = Sha256.newDigest();
        long size;
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            size = in.transferTo(sink);
        }
        return new AttachmentContent(file, size, HexFormat.of().formatHex(digest.digest()), null);
    }

    public Path spoolFile() {
        return spoolFile;
    }

    public long size() {
        return size;
    }

    /** Lower-case hex SHA-256 of the decoded bytes (of the part decoded before a problem, if there was one). */
    public String sha256() {
        return sha256;
    }

    /** Why the base64 text could not be decoded, or empty when it decoded cleanly. */
    public Optional<Bilingual> base64Problem() {
        return Optional.ofNullable(base64Problem);
    }

    public InputStream openStream() throws IOException {
        return Files.newInputStream(spoolFile);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachmentContent that
                && size == that.size
                && sha256.equals(that.sha256)
                && Objects.equals(base64Problem, that.base64Problem);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "AttachmentContent[size=" + size + ", sha256=" + sha256
                + (base64Problem == null ? "" : ", base64Problem=" + base64Problem) + "]";
    }
}
