package vn.lienthong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.lienthong.fixtures.pki.SignedSamples;
import vn.lienthong.fixtures.pki.TestPki;

/**
 * The envelopes of a load test. Every one is the fixtures' new-document edoc (000.00.00.G22 to 000.00.00.H41),
 * numbered apart and signed with XML-DSig (rsa-sha256) by the test PKI's signer, its PDF padded (like a scan) so
 * the envelope comes near a target size. {@code signed100k}: about 105 kB envelopes whose PDF (about 75 kB) also
 * carries the signer's and the seal's signatures, so the connectors verify three signatures per document, as in
 * issue 14's measurements. {@code xroad}: X-Road's size mix (2 kB 30%, 10 kB 60%, 100 kB 9%, 2 MB 0.9%, 10 MB 0.1%),
 * the envelope signed and the PDF not; no envelope is smaller than the signed template itself (about 12 kB), so
 * the 2 kB and 10 kB classes come out at that floor.
 */
final class LoadMix {

    static final List<String> NAMES = List.of("signed100k", "xroad");

    private static final long SIGNED_100K_BYTES = 105_000;
    private static final long[] XROAD_SIZES = {2_000, 10_000, 100_000, 2_000_000, 10_000_000};
    /** Per-mille shares of the sizes above. */
    private static final int[] XROAD_PER_MILLE = {300, 600, 90, 9, 1};
    /** Envelope bytes per PDF byte: base64, in 76-character lines. */
    private static final double BASE64_GROWTH = 4.0 / 3 * 77 / 76;

    /** One envelope: its file, DocumentId number, the size class it was drawn from and its size. */
    record Envelope(Path file, int number, long sizeClass, long bytes) {
    }

    /** How big an envelope comes out: {@code floor} bytes with an unpadded PDF of {@code letterBytes}, then linear. */
    private record Calibration(long floor, double letterBytes) {

        int pdfBytesFor(long envelopeBytes) {
            return envelopeBytes <= floor ? 0 : (int) (letterBytes + (envelopeBytes - floor) / BASE64_GROWTH);
        }
    }

    private LoadMix() {
    }

    /** Writes {@code count} envelopes of {@code mix} under {@code directory}, numbered from {@code firstNumber}. */
    static List<Envelope> write(String mix, int count, int firstNumber, TestPki pki, Path directory) throws IOException {
        if (!NAMES.contains(mix)) {
            throw new IllegalArgumentException("unknown mix " + mix + "; one of " + NAMES);
        }
        boolean signPdf = mix.equals("signed100k");
        Files.createDirectories(directory);
        Calibration calibration = calibrate(pki, directory, signPdf);
        SplittableRandom draw = new SplittableRandom(20261205L + firstNumber);
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sizeClass = signPdf ? SIGNED_100K_BYTES : xroadSize(draw.nextInt(1000));
            int number = firstNumber + i;
            Path file = SignedSamples.writeNumberedEnvelope(pki,
                    directory.resolve(String.format(Locale.ROOT, "cv-%06d.edxml", number)),
                    calibration.pdfBytesFor(sizeClass), number, signPdf);
            envelopes.add(new Envelope(file, number, sizeClass, Files.size(file)));
        }
        return envelopes;
    }

    /** Two envelopes, unpadded and padded by 200 kB, give the floor and the letter's own size. */
    private static Calibration calibrate(TestPki pki, Path directory, boolean signPdf) throws IOException {
        Path probe = directory.resolve("calibration.edxml");
        long floor = Files.size(SignedSamples.writeNumberedEnvelope(pki, probe, 0, 1, signPdf));
        long padded = Files.size(SignedSamples.writeNumberedEnvelope(pki, probe, 200_000, 1, signPdf));
        Files.delete(probe);
        return new Calibration(floor, 200_000 - (padded - floor) / BASE64_GROWTH);
    }

    private static long xroadSize(int perMille) {
        int upTo = 0;
        for (int i = 0; i < XROAD_SIZES.length; i++) {
            upTo += XROAD_PER_MILLE[i];
            if (perMille < upTo) {
                return XROAD_SIZES[i];
            }
        }
        return XROAD_SIZES[XROAD_SIZES.length - 1];
    }
}
