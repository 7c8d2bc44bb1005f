package vn.lienthong.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.lienthong.axis.HashFile;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * Takes a sent package in: streams the request body into a file (hashing it on the way, never holding it in
 * memory), checks the hash-file header, and reads the envelope for its addressing. A refused package's file is
 * deleted before the refusal is returned.
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

    PackageIntake(Path packageDirectory, Path spoolDirectory) {
        this.packageDirectory = packageDirectory;
        this.reader = new EnvelopeReader(ReadLimits.DEFAULTS, spoolDirectory);
    }

    Intake take(InputStream body, String hashFile) throws IOException {
        Path file = Files.createTempFile(packageDirectory, "package-", ".edxml");
        boolean kept = false;
        try {
            byte[] sha256 = store(body, file);
            if (hashFile == null) {
                return new Intake.Refused("hash-file is not among the signed headers");
            }
            if (!HashFile.matches(hashFile, sha256)) {
                return new Intake.Refused("hash-file does not match the SHA-256 of the bytes received");
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

    private static byte[] store(InputStream body, Path file) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), digest)) {
            body.transferTo(out);
        }
        return digest.digest();
    }

    private static String describe(Problem problem) {
        String text = problem.code().english(problem.arguments().toArray());
        Location at = problem.location();
        return at.hasPosition() ? text + " (line " + at.line() + ", column " + at.column() + ")" : text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
