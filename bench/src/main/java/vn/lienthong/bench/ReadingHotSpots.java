package vn.lienthong.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.NameLengthLimit;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.Direction;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidatedEnvelope;
import vn.lienthong.validation.ValidationSettings;

/**
 * The reading and verifying steps of an intake, each timed alone on one thread over a signed100k envelope (about
 * 105 kB: an XML-DSig envelope carrying a signed 75 kB PDF): the name-length watch alone, the reading pass (parse,
 * base64 spooling, hashing), validation, the signature checks as the verify command makes them (reading the envelope
 * again) and as the intakes make them (from validation's reading pass). Prints CPU microseconds per operation, the
 * median of five rounds. Usage: {@code ReadingHotSpots [SECONDS_PER_ROUND]} (default 2).
 */
public final class ReadingHotSpots {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReadingHotSpots() {
    }

    interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        Path work = Files.createTempDirectory("lienthong-hot-spots-");
        try (RevocationServer revocation = RevocationServer.start()) {
            TestPki pki = TestPki.generate(work.resolve("pki"), revocation.base());
            revocation.serve(pki);
            Path envelope = LoadMix.write("signed100k", 1, 1, pki, work.resolve("envelopes")).get(0).file();
            Path spool = Files.createDirectories(work.resolve("spool"));
            Properties properties = ConnectorProperties.load(null);
            properties.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
            DocumentVerifier verifier = DocumentVerifier.create(SignatureSettings.from(properties, work),
                    ReadLimits.DEFAULTS, spool, Clock.systemUTC());
            EnvelopeReader reader = new EnvelopeReader(ReadLimits.DEFAULTS, spool);
            EnvelopeValidator validator = new EnvelopeValidator(ValidationSettings.DEFAULTS, spool);
            if (verifier.verify(envelope).verdict() != Verdict.VALID) {
                throw new IllegalStateException("the benchmark envelope does not verify");
            }
            System.out.printf("envelope %,d bytes; CPU µs per operation, median of 5 rounds of %.1f s (min-max)%n",
                    Files.size(envelope), seconds);
            time("name-length watch", seconds, () -> {
                try (InputStream in = NameLengthLimit.of(Files.newInputStream(envelope), 1000)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            });
            time("reading pass", seconds, () -> reader.read(envelope).close());
            time("validation", seconds, () -> validator.validate(envelope, Direction.INBOUND));
            time("signatures, verify command", seconds, () -> verifier.verify(envelope));
            try {
                time("validation + signatures, intake", seconds, () -> {
                    try (ValidatedEnvelope validated = validator.validateAndKeep(envelope, Direction.INBOUND)) {
                        verifier.verify(envelope, validated.read());
                    }
                });
            } catch (NoSuchMethodError before) {
                time("validation + signatures, intake", seconds, () -> {
                    validator.validate(envelope, Direction.INBOUND);
                    verifier.verify(envelope);
                });
            }
            try (var left = Files.list(spool)) {
                List<Path> leaked = left.toList();
                if (!leaked.isEmpty()) {
                    throw new IllegalStateException("spool files left: " + leaked);
                }
            }
        }
    }

    private static void time(String label, double seconds, Operation operation) throws Exception {
        double[] rounds = new double[5];
        run(operation, seconds); // warm-up
        for (int round = 0; round < rounds.length; round++) {
            rounds[round] = run(operation, seconds);
        }
        java.util.Arrays.sort(rounds);
        System.out.printf("%-34s %9.0f  (%.0f-%.0f)%n", label, rounds[2], rounds[0], rounds[4]);
    }

    /** CPU microseconds per operation over one round. */
    private static double run(Operation operation, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long cpu = THREADS.getCurrentThreadCpuTime();
        int count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return (THREADS.getCurrentThreadCpuTime() - cpu) / 1000.0 / count;
    }
}
