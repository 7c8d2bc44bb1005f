package vn.lienthong.audit.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import vn.lienthong.signature.xml.TestCredentials;

/** A time stamp checked offline against the data it should be over and, when pinned, the TSA it should be from. */
class TimestampCheckTest {

    /**
     * An hour ago, in whole seconds: inside the validity of the certificates generated here, which starts a day before
     * now (a fixed date made this test fail once its day had passed).
     */
    private static final Instant STAMPED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    /** STAMPED_AT as the token's genTime (GeneralizedTime, no fraction for whole seconds). */
    private static final String GEN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC)
            .format(STAMPED_AT);
    private static final TimestampAuthority TSA = TimestampAuthority.generate(Clock.fixed(STAMPED_AT, ZoneOffset.UTC));
    private static final TimestampAuthority OTHER_TSA = TimestampAuthority.generate();
    private static final byte[] HEAD = "lienthong-log-head v1\nsize 10\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_time_stamp_over_the_data_from_the_pinned_tsa_is_accepted_with_its_time_and_serial() throws Exception {
        TimestampCheck.Verified verified = TimestampCheck.verify(token(TSA, HEAD), HEAD, TSA.certificate());

        assertThat(verified.time()).isEqualTo(STAMPED_AT);
        assertThat(verified.pinned()).isTrue();
        assertThat(verified.tsaSubject()).isEqualTo(TSA.certificate().getSubjectX500Principal().getName());
        assertThat(verified.serial()).matches("[0-9a-f]+");
    }

    @Test
    void without_a_pinned_tsa_the_certificate_inside_the_token_is_used_and_the_result_says_so() throws Exception {
        TimestampCheck.Verified verified = TimestampCheck.verify(token(OTHER_TSA, HEAD), HEAD, null);

        assertThat(verified.pinned()).isFalse();
    }

    @Test
    void a_time_stamp_over_other_data_is_refused_naming_both_hashes() throws Exception {
        byte[] other = "lienthong-log-head v1\nsize 11\n".getBytes(StandardCharsets.UTF_8);

        StampException refused = catchThrowableOfType(() -> TimestampCheck.verify(token(TSA, other), HEAD, TSA.certificate()),
                StampException.class);

        assertThat(refused.code()).isEqualTo("TIMESTAMP_OTHER_DATA");
        assertThat(refused.english()).startsWith("The time stamp is over another hash")
                .contains(hex(TsaClient.sha256(other)), hex(TsaClient.sha256(HEAD)));
        assertThat(refused.vietnamese()).startsWith("Dấu thời gian được cấp cho một giá trị băm khác")
                .contains(hex(TsaClient.sha256(other)), hex(TsaClient.sha256(HEAD)));
    }

    @Test
    void a_time_stamp_from_another_tsa_is_refused_when_a_tsa_is_pinned() throws Exception {
        StampException refused = catchThrowableOfType(() ->
                TimestampCheck.verify(token(OTHER_TSA, HEAD), HEAD, TSA.certificate()), StampException.class);

        assertThat(refused.code()).isEqualTo("TIMESTAMP_UNTRUSTED_TSA");
    }

    @Test
    void a_time_stamp_from_a_tsa_issued_by_the_pinned_certificate_is_accepted() throws Exception {
        KeyPair keys = TestCredentials.rsa();
        TimestampAuthority issued = new TimestampAuthority(keys.getPrivate(), issuedByRoot(keys), Clock.systemUTC());

        TimestampCheck.Verified verified = TimestampCheck.verify(token(issued, HEAD), HEAD,
                TestCredentials.ROOT.certificate());

        assertThat(verified.pinned()).isTrue();
        assertThat(verified.tsaSubject()).contains("Issued TSA");
    }

    @Test
    void a_token_whose_signature_was_tampered_with_is_refused() throws Exception {
        byte[] token = token(TSA, HEAD);
        token[token.length - 1] ^= 0x01;

        StampException refused = catchThrowableOfType(() -> TimestampCheck.verify(token, HEAD, TSA.certificate()),
                StampException.class);

        assertThat(refused.code()).isEqualTo("TIMESTAMP_SIGNATURE_INVALID");
    }

    @Test
    void a_token_whose_time_was_moved_is_refused() throws Exception {
        byte[] token = token(TSA, HEAD);
        int genTime = indexOf(token, GEN_TIME.getBytes(StandardCharsets.US_ASCII));
        assertThat(genTime).as("the genTime inside the token").isPositive();
        token[genTime + 3] = (byte) (token[genTime + 3] == '5' ? '4' : '5'); // another year

        StampException refused = catchThrowableOfType(() -> TimestampCheck.verify(token, HEAD, TSA.certificate()),
                StampException.class);

        assertThat(refused.code()).isEqualTo("TIMESTAMP_SIGNATURE_INVALID");
    }

    @Test
    void bytes_that_are_not_a_token_are_refused_as_malformed() {
        StampException refused = catchThrowableOfType(() -> TimestampCheck.verify(new byte[] {0x30, 0x03, 1, 2, 3}, HEAD,
                null), StampException.class);

        assertThat(refused.code()).isEqualTo("TIMESTAMP_MALFORMED");
        assertThat(refused.vietnamese()).startsWith("Dấu thời gian không đọc được");
    }

    @Test
    void a_token_without_the_tsas_certificate_is_refused() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(false);
        byte[] request = generator.generate(NISTObjectIdentifiers.id_sha256, TsaClient.sha256(HEAD), BigInteger.ONE)
                .getEncoded();
        byte[] token = new TimeStampResponse(TSA.respond(request)).getTimeStampToken().getEncoded();

        StampException refused = catchThrowableOfType(() -> TimestampCheck.verify(token, HEAD, TSA.certificate()),
                StampException.class);

        assertThat(refused.code()).isEqualTo("TIMESTAMP_NO_CERTIFICATE");
    }

    static byte[] token(TimestampAuthority authority, byte[] data) throws Exception {
        return new TimeStampResponse(authority.respond(LoopbackTsaTest.request(data))).getTimeStampToken().getEncoded();
    }

    private static X509Certificate issuedByRoot(KeyPair keys) throws Exception {
        X509Certificate root = TestCredentials.ROOT.certificate();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=Issued TSA,O=Test,C=VN"), keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(TestCredentials.ROOT.privateKey())));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
