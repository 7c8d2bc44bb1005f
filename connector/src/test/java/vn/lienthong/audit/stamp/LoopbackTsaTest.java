package vn.lienthong.audit.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loopback TSA as any RFC 3161 client sees it over HTTP. */
class LoopbackTsaTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LoopbackTsa tsa;

    @BeforeAll
    static void start() throws IOException {
        tsa = LoopbackTsa.start(0);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void it_listens_on_loopback_at_tsa() {
        assertThat(tsa.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/tsa");
    }

    @Test
    void its_certificate_is_for_time_stamping_only_and_its_own_trust_anchor() throws Exception {
        X509Certificate certificate = tsa.certificate();

        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void a_request_is_answered_with_a_granted_time_stamp_reply() throws Exception {
        HttpResponse<byte[]> answer = post(request("head".getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
        assertThat(new TimeStampResponse(answer.body()).getStatus()).isEqualTo(PKIStatus.GRANTED);
    }

    @Test
    void garbage_is_answered_with_a_rejection_not_a_stack_trace() throws Exception {
        HttpResponse<byte[]> answer = post("this is not DER".getBytes(StandardCharsets.UTF_8));

        TimeStampResponse response = new TimeStampResponse(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(failed(response, PKIFailureInfo.badDataFormat)).as(response.getFailInfo().toString()).isTrue();
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exception");
    }

    @Test
    void a_request_over_sha1_is_rejected_as_a_bad_algorithm() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        byte[] sha1Request = generator.generate(OIWObjectIdentifiers.idSHA1, new byte[20], BigInteger.ONE).getEncoded();

        TimeStampResponse response = new TimeStampResponse(post(sha1Request).body());

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(failed(response, PKIFailureInfo.badAlg)).as(response.getFailInfo().toString()).isTrue();
    }

    @Test
    void a_request_longer_than_the_bound_is_refused() throws Exception {
        HttpResponse<byte[]> answer = post(new byte[TsaEndpoint.MAX_REQUEST + 1]);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(new TimeStampResponse(answer.body()).getStatus()).isEqualTo(PKIStatus.REJECTION);
    }

    @Test
    void only_post_is_served() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(tsa.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).contains("POST");
        assertThat(answer.body()).contains("Chỉ dùng POST", "Use POST");
    }

    /**
     * Whether the rejection carries this failure bit. BouncyCastle reads its own bit string back with more bits than
     * it wrote (openssl shows only the one), so the bit is tested alone rather than the whole value compared.
     */
    private static boolean failed(TimeStampResponse response, int failureBit) {
        return (response.getFailInfo().intValue() & failureBit) != 0;
    }

    /** A DER TimeStampReq over SHA-256 of {@code data}, asking for the certificate. */
    static byte[] request(byte[] data) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(NISTObjectIdentifiers.id_sha256, TsaClient.sha256(data), BigInteger.TEN).getEncoded();
    }

    private static HttpResponse<byte[]> post(byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(tsa.url()).header("Content-Type", TsaEndpoint.QUERY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
