package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Text written straight to the digest (plain ASCII) and text the canonicalizer writes (everything else) make the
 * digest Santuario's DOM side computes, whatever the mix: base64 lines, markup characters, carriage returns,
 * Vietnamese letters, emoji, control characters, CDATA, long runs the parser cuts into segments.
 */
class CanonicalTextProperties {

    private static final String BODY = "<edXMLBody>";

    @Property(tries = 60)
    void any_text_digests_as_santuarios_dom_does(@ForAll("texts") List<String> texts, @ForAll boolean exclusive) throws Exception {
        StringBuilder added = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            added.append(i % 3 == 2 ? "<Extra><![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]></Extra>"
                    : "<Extra n=\"" + i + "\">" + escaped(text) + "</Extra>" + escaped(text));
        }
        String plain = EnvelopeTexts.plain();
        assertThat(plain).contains(BODY);
        String xml = plain.replace(BODY, BODY + added);
        String canonicalization = exclusive ? XmlDsig.EXCLUSIVE_C14N : XmlDsig.C14N;
        DomSigner dom = DomSigner.with(TestCredentials.RSA_SIGNER);
        dom.transforms = List.of(XmlDsig.ENVELOPED, canonicalization);

        Path file = Files.createTempFile("canonical-text-", ".xml");
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            byte[] streamed = CanonicalDigest.of(file, canonicalization, List.of(), MessageDigest.getInstance("SHA-256"));
            assertThat(HexFormat.of().formatHex(streamed)).isEqualTo(HexFormat.of().formatHex(dom.referenceDigest(xml)));
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> base64 = Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMinLength(1).ofMaxLength(76)
                .list().ofMaxSize(300).map(lines -> String.join("\n", lines));
        Arbitrary<String> mixed = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.chars().range(' ', '~')),
                Tuple.of(2, Arbitraries.of('&', '<', '>', '"', '\'', '\r', '\n', '\t', '\u007f')),
                Tuple.of(2, Arbitraries.of('ệ', 'Đ', 'ư', '\u00a0', '\u2028')),
                Tuple.of(1, Arbitraries.of('\uD83D'))) // a high surrogate; completed below
                .list().ofMaxSize(3000)
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(c -> text.append(c).append(c == '\uD83D' ? "\uDE00" : ""));
                    return text.toString();
                });
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t').ofMaxLength(500);
        Arbitrary<String> asciiAndOne = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)
                .flatMap(text -> Arbitraries.of('\r', '\u007f', '\u0080', 'ệ').map(odd -> text + odd + text));
        // Plain letters with one kind of character that must not be written as it stands, alone in its text.
        Arbitrary<String> oneKind = Arbitraries.of("&", "<", ">", "\r", "\u007f", "\u0080", "ệ")
                .flatMap(odd -> Arbitraries.strings().withChars("ab =\n\t" + odd).ofMinLength(1).ofMaxLength(40));
        return Arbitraries.oneOf(base64, ascii, asciiAndOne, oneKind, mixed).list().ofMinSize(1).ofMaxSize(6);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }
}
