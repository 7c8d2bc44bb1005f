package vn.lienthong.edxml;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link LargeEnvelopeMemoryTest}: reads one envelope and prints the
 * size and SHA-256 of each attachment as decoded, or the read failure.
 */
public final class ReadAndHash {

    private ReadAndHash() {
    }

    public static void main(String[] args) throws Exception {
        Path spool = Files.createTempDirectory("lienthong-readandhash-");
        try (ReadOutcome outcome = new EnvelopeReader(ReadLimits.DEFAULTS, spool).read(Path.of(args[0]))) {
            if (outcome.failure().isPresent()) {
                System.out.println("FAILED " + outcome.failure().get());
                System.exit(1);
            }
            for (Attachment attachment : outcome.envelope().orElseThrow().attachments()) {
                System.out.println(attachment.attachmentName() + " " + attachment.content().size() + " "
                        + attachment.content().sha256());
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
