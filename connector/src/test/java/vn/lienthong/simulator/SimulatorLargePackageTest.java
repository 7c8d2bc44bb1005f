package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.HashFile;
import vn.lienthong.fixtures.LargeEnvelope;
import vn.lienthong.fixtures.LargeEnvelopeInfo;

/**
 * A package of about 50 MB, sent as the SDK sends it (with CRLF after the file), goes through and comes back as
 * the file alone, streamed at both ends (the test heap is 512 MB).
 */
class SimulatorLargePackageTest {

    private static final byte[] DATA_MEMBER = "\"data\":\"".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path storage;

    private AxisSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void a_fifty_megabyte_package_is_fetched_with_identical_bytes() throws IOException {
        // The fixture's envelope goes from the ministry to the province; 37 MB of PDF is ~50 MB of edXML.
        LargeEnvelopeInfo envelope = LargeEnvelope.write(storage.resolve("large.edxml"), 37L * 1024 * 1024, 7);
        assertThat(envelope.envelopeBytes()).isGreaterThan(49L * 1024 * 1024);
        byte[] sha256 = HashFile.sha256(envelope.envelope());
        SdkLikeClient ministry = TestAxis.client(simulator, TestAxis.MINISTRY_SYSTEM);
        HttpResponse<String> sent = ministry.sendFile(envelope.envelope(), TestAxis.MINISTRY, HashFile.sdkForm(sha256));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String docId = SdkLikeClient.json(sent).get("DocId").asText();

        HttpResponse<InputStream> fetched = TestAxis.client(simulator, TestAxis.PROVINCE_SYSTEM).getEdocStreamed(docId);

        assertThat(fetched.statusCode()).isEqualTo(200);
        try (InputStream body = fetched.body()) {
            assertThat(sha256OfData(body)).isEqualTo(sha256);
        }
    }

    /** Decodes the {@code data} member of a getEdoc answer as it streams in, returning the SHA-256 of the bytes. */
    private static byte[] sha256OfData(InputStream answer) throws IOException {
        InputStream in = new BufferedInputStream(answer, 64 * 1024);
        skipPast(in, DATA_MEMBER);
        MessageDigest digest = newDigest();
        try (InputStream decoded = new DigestInputStream(Base64.getDecoder().wrap(new UntilQuote(in)), digest)) {
            decoded.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("}");
        return digest.digest();
    }

    private static void skipPast(InputStream in, byte[] marker) throws IOException {
        int matched = 0;
        while (matched < marker.length) {
            int next = in.read();
            assertThat(next).as("answer ended before %s", new String(marker, StandardCharsets.US_ASCII)).isNotNegative();
            matched = next == marker[matched] ? matched + 1 : (next == marker[0] ? 1 : 0);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 text up to (and consuming) the closing quote of the JSON string. */
    private static final class UntilQuote extends FilterInputStream {

        private boolean ended;

        UntilQuote(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int next = in.read();
            if (next == '"' || next < 0) {
                ended = true;
                return -1;
            }
            return next;
        }

        /** Reads a chunk, and when it holds the quote, steps back to just after it (the stream is buffered). */
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            int wanted = Math.min(length, 8192);
            in.mark(wanted);
            int read = in.read(buffer, offset, wanted);
            if (read < 0) {
                ended = true;
                return -1;
            }
            for (int i = 0; i < read; i++) {
                if (buffer[offset + i] == '"') {
                    in.reset();
                    in.skipNBytes(i + 1);
                    ended = true;
                    return i == 0 ? -1 : i;
                }
            }
            return read;
        }

        @Override
        public void close() {
            // The rest of the answer is still to be read.
        }
    }
}
