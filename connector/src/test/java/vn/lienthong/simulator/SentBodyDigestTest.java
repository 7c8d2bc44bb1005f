package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both digests of a sent body come out the same however the network cuts the body into reads. */
class SentBodyDigestTest {

    private static final byte[] FILE = "<edXML>\n  <a/>\n</edXML>".getBytes(StandardCharsets.UTF_8);

    private static byte[] followedBy(byte[] file, String ending) {
        byte[] body = Arrays.copyOf(file, file.length + ending.length());
        System.arraycopy(ending.getBytes(StandardCharsets.US_ASCII), 0, body, file.length, ending.length());
        return body;
    }

    /** Feeds {@code body} in reads of {@code readSize} bytes (the last one shorter). */
    private static SentBodyDigest digestInReadsOf(byte[] body, int readSize) {
        SentBodyDigest digest = new SentBodyDigest();
        for (int offset = 0; offset < body.length; offset += readSize) {
            digest.update(body, offset, Math.min(readSize, body.length - offset));
        }
        return digest;
    }

    @ParameterizedTest(name = "reads of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 5, 1024})
    void a_body_with_the_sdks_crlf_has_the_files_digest_without_it(int readSize) {
        SentBodyDigest digest = digestInReadsOf(followedBy(FILE, "\r\n"), readSize);

        assertThat(digest.asSent()).isEqualTo(SdkLikeClient.sha256(followedBy(FILE, "\r\n")));
        assertThat(digest.withoutLineEnd()).hasValueSatisfying(file -> {
            assertThat(file.sha256()).isEqualTo(SdkLikeClient.sha256(FILE));
            assertThat(file.length()).isEqualTo(FILE.length);
        });
    }

    @ParameterizedTest(name = "reads of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 1024})
    void a_body_with_a_lone_lf_has_the_files_digest_without_it(int readSize) {
        SentBodyDigest digest = digestInReadsOf(followedBy(FILE, "\n"), readSize);

        assertThat(digest.withoutLineEnd()).hasValueSatisfying(file -> {
            assertThat(file.sha256()).isEqualTo(SdkLikeClient.sha256(FILE));
            assertThat(file.length()).isEqualTo(FILE.length);
        });
    }

    @Test
    void a_body_without_a_final_line_end_has_only_its_own_digest() {
        SentBodyDigest digest = digestInReadsOf(FILE, 4);

        assertThat(digest.asSent()).isEqualTo(SdkLikeClient.sha256(FILE));
        assertThat(digest.withoutLineEnd()).isEmpty();
    }

    @Test
    void a_body_that_is_only_a_crlf_leaves_an_empty_file() {
        SentBodyDigest digest = digestInReadsOf(followedBy(new byte[0], "\r\n"), 1);

        assertThat(digest.withoutLineEnd()).hasValueSatisfying(file -> {
            assertThat(file.sha256()).isEqualTo(SdkLikeClient.sha256(new byte[0]));
            assertThat(file.length()).isZero();
        });
    }
}
