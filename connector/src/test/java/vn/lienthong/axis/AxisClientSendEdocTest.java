package vn.lienthong.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.edxml.MessageType;

class AxisClientSendEdocTest extends AxisClientFixture {

    private static final String ENVELOPE = "<edXML>known answer</edXML>\n";
    /** sha256sum gives 2fa14ce0cac392d573 04 c88b…; the SDK writes the byte 0x04 as {@code 4}. */
    private static final String SDK_HASH_FILE = "2fa14ce0cac392d5734c88bb46bf1bbf87f7669cd1613f2c3b04f3e3a48da60";
    private static final String PADDED_HASH_FILE = "2fa14ce0cac392d57304c88bb46bf1bbf87f7669cd1613f2c3b04f3e3a48da60";
    private static final String SIGN_HEADER = "{\"XroadVnpt-systemid\":\"vxp.saas.03\",\"XroadVnpt-servicetype\":\"eDoc\","
            + "\"XroadVnpt-messagetype\":\"edoc\",\"XroadVnpt-hash-file\":\"" + SDK_HASH_FILE + "\","
            + "\"XroadVnpt-from\":\"000.00.00.G22\",\"XroadVnpt-timestamp\":\"22112026T102907+0120\","
            + "\"XroadVnpt-Content-Type\":\"application/octet-stream\"}";

    @TempDir
    Path folder;

    private Path envelope() throws Exception {
        return Files.writeString(folder.resolve("envelope.edxml"), ENVELOPE, StandardCharsets.UTF_8);
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void send_edoc_streams_the_file_and_signs_the_headers_exactly() throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson(ok("\"DocId\":\"D-2026-1\""))));

        String docId = client.sendEdoc(envelope(), "000.00.00.G22", MessageType.EDOC, List.of());

        assertThat(docId).isEqualTo("D-2026-1");
        LoggedRequest request = theOnlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getHeader("XroadVnpt-sign-header-key"))
                .isEqualTo("systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type");
        assertThat(request.getHeader("XroadVnpt-sign-header")).isEqualTo(SIGN_HEADER);
        assertThat(request.getHeader("XroadVnpt-hash-header")).isEqualTo(hmacSha256Hex("s3cret", SIGN_HEADER));
        assertThat(request.getHeader("XroadVnpt-systemid")).isEqualTo("vxp.saas.03");
        assertThat(request.getHeader("XroadVnpt-servicetype")).isEqualTo("eDoc");
        assertThat(request.getHeader("XroadVnpt-messagetype")).isEqualTo("edoc");
        assertThat(request.getHeader("XroadVnpt-hash-file")).isEqualTo(SDK_HASH_FILE);
        assertThat(request.getHeader("XroadVnpt-from")).isEqualTo("000.00.00.G22");
        assertThat(request.getHeader("XroadVnpt-timestamp")).isEqualTo("22112026T102907+0120");
        assertThat(request.getHeader("XroadVnpt-Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.getHeader("XroadVnpt-version")).isEqualTo("3.0.201608");
        assertThat(request.getHeader("User-Agent")).isEqualTo("JAVASDKAgent/1.0.0 XRoad/VPCP");
        assertThat(request.containsHeader("XroadVnpt-to")).isFalse();
        assertThat(request.getBody()).isEqualTo(ENVELOPE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void send_edoc_names_the_recipients_in_a_compact_json_to_header() throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson(ok("\"DocId\":\"D-2\""))));

        client.sendEdoc(envelope(), "000.00.00.G22", MessageType.STATUS, List.of("000.00.00.H41", "000.00.00.H42"));

        LoggedRequest request = theOnlyRequest();
        assertSignedOver(request, "systemid;servicetype;messagetype;hash-file;from;to;timestamp;Content-Type");
        assertThat(request.getHeader("XroadVnpt-to")).isEqualTo("[\"000.00.00.H41\",\"000.00.00.H42\"]");
        assertThat(request.getHeader("XroadVnpt-messagetype")).isEqualTo("status");
    }

    @Test
    void send_edoc_writes_the_hash_file_zero_padded_unless_told_to_mimic_the_sdk() throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson(ok("\"DocId\":\"D-3\""))));
        AxisSettings padded = new AxisSettings(axisEndpoint(), SYSTEM_ID, SECRET, Duration.ofSeconds(2), Duration.ofSeconds(5), null, false);

        try (AxisClient paddedClient = new AxisClient(padded, CLOCK)) {
            paddedClient.sendEdoc(envelope(), "000.00.00.G22", MessageType.EDOC, List.of());
        }

        assertThat(theOnlyRequest().getHeader("XroadVnpt-hash-file")).isEqualTo(PADDED_HASH_FILE);
    }

    @Test
    void send_edoc_names_a_hash_the_caller_already_knows_instead_of_hashing_the_file_again() throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson(ok("\"DocId\":\"D-4\""))));
        byte[] known = new byte[32];
        known[0] = 0x0a;
        known[31] = (byte) 0xff;

        client.sendEdoc(envelope(), known, "000.00.00.G22", MessageType.EDOC, List.of());

        LoggedRequest request = theOnlyRequest();
        assertThat(request.getHeader("XroadVnpt-hash-file")).isEqualTo(HashFile.sdkForm(known)).isNotEqualTo(SDK_HASH_FILE);
        assertThat(request.getBody()).isEqualTo(ENVELOPE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_missing_envelope_is_a_permanent_failure_that_never_reaches_the_axis() {
        AxisException failure = failureOf(() -> client.sendEdoc(folder.resolve("missing.edxml"), "000.00.00.G22", MessageType.EDOC, List.of()));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("cannot read the envelope");
        assertThat(axis.getAllServeEvents()).isEmpty();
    }

    @Test
    void an_ok_answer_without_a_doc_id_is_transient() throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson(ok(""))));

        AxisException failure = failureOf(() -> client.sendEdoc(envelope(), "000.00.00.G22", MessageType.EDOC, List.of()));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("without DocId");
    }
}
