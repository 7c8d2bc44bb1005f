package vn.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.fixtures.LargeEnvelope;
import vn.lienthong.fixtures.LargeEnvelopeInfo;

/**
 * Times reading a large envelope and reports what it cost: wall time, the process's CPU time, the peak heap (sum
 * of the heap pools' peaks) and the peak resident set. Usage:
 * {@code LargeEnvelopeRead ENVELOPE_FILE ENVELOPE_MIB [RUNS]} — an envelope of about ENVELOPE_MIB (one PDF
 * attachment) is generated first if the file does not exist. Run it with a small heap (-Xmx64m) to show reading does
 * not grow with the attachment's size. The limits are raised to fit the envelope: this measures reading, not refusing.
 */
public final class LargeEnvelopeRead {

    /** Base64 as the generator writes it: 4 characters per 3 bytes, and a line feed after every 76 characters. */
    private static final double ENVELOPE_BYTES_PER_ATTACHMENT_BYTE = 4.0 / 3.0 * 77.0 / 76.0;

    private LargeEnvelopeRead() {
    }

    public static void main(String[] args) throws Exception {
        Path envelope = Path.of(args[0]);
        long envelopeBytes = Long.parseLong(args[1]) * 1024 * 1024;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(envelope)) {
            long attachmentBytes = attachmentBytesFor(envelopeBytes);
            LargeEnvelopeInfo info = LargeEnvelope.write(envelope, attachmentBytes, 20261125L);
            System.out.printf("generated %s: %,d bytes, attachment %,d bytes%n", envelope, info.envelopeBytes(),
                    info.attachmentBytes());
        }
        ReadLimits limits = limitsFor(Files.size(envelope));
        Path spool = Files.createTempDirectory(envelope.toAbsolutePath().getParent(), "lienthong-bench-spool-");
        System.out.printf("envelope %,d bytes, max heap %d MiB, %d runs%n", Files.size(envelope),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), runs);
        try {
            for (int run = 1; run <= runs; run++) {
                resetPeaks();
                long cpuBefore = processCpuNanos();
                long start = System.nanoTime();
                long decoded = 0;
                try (ReadOutcome outcome = new EnvelopeReader(limits, spool).read(envelope)) {
                    if (outcome.envelope().isEmpty()) {
                        throw new IllegalStateException("not read: " + outcome.failure().orElseThrow());
                    }
                    for (Attachment attachment : outcome.envelope().orElseThrow().attachments()) {
                        decoded += attachment.content().size();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                System.out.printf(Locale.ROOT, "read run %d: wall %.2f s, cpu %.2f s, %.0f MB/s of envelope,"
                                + " %,d attachment bytes decoded, peak heap %.1f MiB, peak RSS %,d KiB%n",
                        run, seconds, cpuSeconds, Files.size(envelope) / 1e6 / seconds, decoded, peakHeapMiB(),
                        ProcessCpu.peakRssKib(ProcessHandle.current().pid()));
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** The attachment size whose envelope comes to about {@code envelopeBytes}. */
    static long attachmentBytesFor(long envelopeBytes) {
        return (long) (envelopeBytes / ENVELOPE_BYTES_PER_ATTACHMENT_BYTE);
    }

    /** The default limits, with the envelope and attachment sizes raised to let this envelope through. */
    static ReadLimits limitsFor(long envelopeBytes) {
        ReadLimits d = ReadLimits.DEFAULTS;
        return new ReadLimits(Math.max(d.maxEnvelopeBytes(), envelopeBytes), d.maxAttachments(),
                Math.max(d.maxAttachmentBytes(), envelopeBytes), d.maxDepth(), d.maxTextLength(), d.maxMetadataChars(),
                d.maxElements(), d.maxAttributesPerElement(), d.maxNameLength());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
