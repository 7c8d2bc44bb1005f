package vn.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.fixtures.LargeEnvelope;
import vn.lienthong.fixtures.LargeEnvelopeInfo;

/**
 * Times reading a large envelope and reports the peak heap it needed. Usage:
 * {@code LargeEnvelopeRead ENVELOPE_FILE ATTACHMENT_MIB [RUNS]} — the envelope is generated first if the file
 * does not exist. Run it with a small heap (-Xmx96m) to show reading does not grow with attachment size.
 */
public final class LargeEnvelopeRead {

    private LargeEnvelopeRead() {
    }

    public static void main(String[] args) throws Exception {
        Path envelope = Path.of(args[0]);
        long attachmentBytes = Long.parseLong(args[1]) * 1024 * 1024;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(envelope)) {
            LargeEnvelopeInfo info = LargeEnvelope.write(envelope, attachmentBytes, 20261125L);
            System.out.printf("generated %s: %,d bytes, attachment %,d bytes%n", envelope, info.envelopeBytes(),
                    info.attachmentBytes());
        }
        Path spool = Files.createTempDirectory("lienthong-bench-spool-");
        System.out.printf("envelope %,d bytes, max heap %d MiB, %d runs%n", Files.size(envelope),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), runs);
        for (int run = 1; run <= runs; run++) {
            resetPeaks();
            long start = System.nanoTime();
            long decoded = 0;
            try (ReadOutcome outcome = new EnvelopeReader(ReadLimits.DEFAULTS, spool).read(envelope)) {
                for (Attachment attachment : outcome.envelope().orElseThrow().attachments()) {
                    decoded += attachment.content().size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.2f s, %.0f MB/s of envelope, %,d attachment bytes decoded, peak heap %.1f MiB%n",
                    run, seconds, Files.size(envelope) / 1e6 / seconds, decoded, peakHeapMiB());
        }
        Files.deleteIfExists(spool);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound on the heap in use at any one moment. */
    private static double peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024.0 * 1024.0);
    }
}
