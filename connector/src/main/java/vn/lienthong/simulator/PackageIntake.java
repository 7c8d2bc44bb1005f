package vn.lienthong.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import vn.lienthong.axis.HashFile;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * Takes a sent package in: streams the request body into a file (hashing it on the way, never holding it in
 * memory), checks the hash-file header, and reads the envelope for its addressing. A body that matches its
 * hash-file only without its final line end (the SDK's CRLF) is kept without it, so the recipient gets the file
 * the sender had. A refused package's file is deleted before the refusal is returned.
 */
final class PackageIntake {

    /** A package kept on disk with what was read from it, or the plain reason it was refused. */
    sealed interface Intake {

        record Taken(Path file, EnvelopeFacts facts) implements Intake {
        }

        record Refused(String reason) implements Intake {
        }
    }

    private final Path packageDirectory;
    private final EnvelopeReader reader;

    PackageIntake(Path packageDirectory) {
        this.packageDirectory = packageDirectory;
        // The axis routes by the header and hands the file on as it came: attachments are parsed over, not decoded.
        this.reader = EnvelopeReader.withoutAttachmentContent(ReadLimits.DEFAULTS);
    }

    Intake take(InputStream body, String hashFile) throws IOException {
        Path file = Files.createTempFile(packageDirectory, "package-", ".edxml");
        boolean kept = false;
        try {
            SentBodyDigest digest = store(body, file);
            if (hashFile == null) {
                return new Intake.Refused("hash-file is not among the signed headers");
            }
            if (!HashFile.matches(hashFile, digest.asSent())) {
                Optional<SentBodyDigest.WithoutLineEnd> withoutLineEnd = digest.withoutLineEnd()
                        .filter(trimmed -> HashFile.matches(hashFile, trimmed.sha256()));
                if (withoutLineEnd.isEmpty()) {
                    return new Intake.Refused("hash-file does not match the SHA-256 of the bytes received,"
                            + " with or without a line end after them");
                }
                truncate(file, withoutLineEnd.get().length());
            }
            try (ReadOutcome outcome = reader.read(file)) {
                if (outcome.failure().isPresent()) {
                    return new Intake.Refused("the envelope cannot be read as edXML: " + describe(outcome.failure().get()));
                }
                kept = true;
                return new Intake.Taken(file, EnvelopeFacts.of(outcome.envelope().orElseThrow()));
            }
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static SentBodyDigest store(InputStream body, Path file) throws IOException {
        SentBodyDigest digest = new SentBodyDigest();
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), buffer.length)) {
            int read;
            while ((read = body.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                digest.update(buffer, 0, read);
            }
        }
        return digest;
    }

    /** Cuts the line end the sender added after its file, so the package is kept as the sender had it. */
    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    private static String describe(Problem problem) {
        String text = problem.code().english(problem.arguments().toArray());
        Location at = problem.location();
        return at.hasPosition() ? text + " (line " + at.line() + ", column " + at.column() + ")" : text;
    }
}
