package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming digest must equal, byte for byte, the digest Santuario's DOM implementation computes for
 * Reference URI="" with the enveloped-signature transform: that is what makes a stream-verified signature one any
 * other XML-DSig implementation agrees with.
 */
class CanonicalDigestTest {

    private static final List<String> CANONICALIZATIONS = List.of(
            XmlDsig.C14N, XmlDsig.C14N_WITH_COMMENTS, XmlDsig.EXCLUSIVE_C14N, XmlDsig.EXCLUSIVE_C14N_WITH_COMMENTS);

    @TempDir
    Path directory;

    static Stream<Arguments> envelopesAndCanonicalizations() {
        return EnvelopeTexts.all().entrySet().stream().flatMap(envelope -> CANONICALIZATIONS.stream()
                .map(c14n -> Arguments.of(envelope.getKey(), c14n, envelope.getValue())));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("envelopesAndCanonicalizations")
    void the_streaming_digest_equals_santuarios_dom_digest(String name, String canonicalization, String xml) throws Exception {
        DomSigner dom = DomSigner.with(TestCredentials.RSA_SIGNER);
        dom.transforms = List.of(XmlDsig.ENVELOPED, canonicalization);

        assertThat(hex(streamingDigest(xml, canonicalization, List.of()))).isEqualTo(hex(dom.referenceDigest(xml)));
    }

    @Test
    void the_streaming_digest_honours_the_inclusive_namespaces_of_exclusive_c14n() throws Exception {
        String xml = EnvelopeTexts.namespaceTricks();
        DomSigner dom = DomSigner.with(TestCredentials.RSA_SIGNER);
        dom.transforms = List.of(XmlDsig.ENVELOPED, XmlDsig.EXCLUSIVE_C14N);
        dom.inclusiveNamespaces = "unused #default";

        assertThat(hex(streamingDigest(xml, XmlDsig.EXCLUSIVE_C14N, List.of("unused", "#default"))))
                .isEqualTo(hex(dom.referenceDigest(xml)))
                .isNotEqualTo(hex(streamingDigest(xml, XmlDsig.EXCLUSIVE_C14N, List.of())));
    }

    @Test
    void surrogate_pairs_cut_apart_by_the_parsers_text_segments_are_canonicalized_whole() throws Exception {
        // CR/LF becomes LF as it is parsed, which shifts the pairs against the parser's buffer: some get cut.
        String xml = EnvelopeTexts.plain().replace("triển khai", "😀\r\n".repeat(50_000));

        assertThat(hex(streamingDigest(xml, XmlDsig.C14N, List.of())))
                .isEqualTo(hex(DomSigner.with(TestCredentials.RSA_SIGNER).referenceDigest(xml)));
    }

    @Test
    void the_signature_in_the_header_is_left_out_of_the_digest() throws Exception {
        String signed = DomSigner.with(TestCredentials.RSA_SIGNER).sign(EnvelopeTexts.plain());
        DomSigner dom = DomSigner.with(TestCredentials.RSA_SIGNER);

        assertThat(hex(streamingDigest(signed, XmlDsig.C14N, List.of())))
                .isEqualTo(hex(dom.referenceDigest(EnvelopeTexts.plain())));
    }

    @Test
    void a_signature_elsewhere_is_part_of_the_digest() throws Exception {
        DomSigner inBody = DomSigner.with(TestCredentials.RSA_SIGNER);
        inBody.parent = DomSigner::body;
        String signed = inBody.sign(EnvelopeTexts.plain());

        assertThat(hex(streamingDigest(signed, XmlDsig.C14N, List.of())))
                .isNotEqualTo(hex(streamingDigest(DomSigner.serialize(DomSigner.parse(EnvelopeTexts.plain())),
                        XmlDsig.C14N, List.of())));
    }

    private byte[] streamingDigest(String xml, String canonicalization, List<String> prefixes) throws Exception {
        Path file = Files.writeString(directory.resolve("envelope-" + System.nanoTime() + ".xml"), xml,
                StandardCharsets.UTF_8);
        return CanonicalDigest.of(file, canonicalization, prefixes, MessageDigest.getInstance("SHA-256"));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

}
