package vn.lienthong.axis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Known answers for the request signing, computed independently with {@code openssl dgst -sha256 -hmac s3cret}. */
class AxisSignatureTest {

    private static final String SECRET = "s3cret";
    private static final String SIGN_HEADER = "{\"XroadVnpt-systemid\":\"vxp.saas.03\",\"XroadVnpt-servicetype\":\"eDoc\","
            + "\"XroadVnpt-messagetype\":\"edoc\",\"XroadVnpt-hash-file\":\"cc7bdd662415e725c750bf6ce64\","
            + "\"XroadVnpt-from\":\"000.00.00.G22\",\"XroadVnpt-timestamp\":\"22112026T102907+0120\","
            + "\"XroadVnpt-Content-Type\":\"application/octet-stream\"}";
    private static final String HMAC = "59a3ff43e266e078e5dbd788be1e79743d0e9668b9cfc7e9d89835c57ed6274a";

    private static Map<String, String> logicalHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("systemid", "vxp.saas.03");
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", "edoc");
        headers.put("hash-file", "cc7bdd662415e725c750bf6ce64");
        headers.put("from", "000.00.00.G22");
        headers.put("timestamp", "22112026T102907+0120");
        headers.put("Content-Type", "application/octet-stream");
        return headers;
    }

    private static Function<String, String> caseInsensitive(Map<String, String> wire) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(wire);
        return headers::get;
    }

    private static Optional<String> secrets(String systemId) {
        return "vxp.saas.03".equals(systemId) ? Optional.of(SECRET) : Optional.empty();
    }

    @Test
    void signs_exactly_like_the_captured_sdk_exchange() {
        Map<String, String> wire = AxisSignature.sign(logicalHeaders(), SECRET);
        assertThat(wire.get("XroadVnpt-sign-header-key"))
                .isEqualTo("systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type");
        assertThat(wire.get("XroadVnpt-sign-header")).isEqualTo(SIGN_HEADER);
        assertThat(wire.get("XroadVnpt-hash-header")).isEqualTo(HMAC);
        assertThat(wire.get("XroadVnpt-version")).isEqualTo("3.0.201608");
        assertThat(wire.get("XroadVnpt-systemid")).isEqualTo("vxp.saas.03");
        assertThat(wire.get("XroadVnpt-Content-Type")).isEqualTo("application/octet-stream");
        assertThat(wire.get("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void verifies_its_own_signature_whatever_the_case_of_header_names() {
        Map<String, String> lowerCased = new LinkedHashMap<>();
        AxisSignature.sign(logicalHeaders(), SECRET).forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        AxisSignature.Verdict verdict = AxisSignature.verify(caseInsensitive(lowerCased), AxisSignatureTest::secrets);
        assertThat(verdict).isInstanceOf(AxisSignature.Verdict.Valid.class);
        assertThat(((AxisSignature.Verdict.Valid) verdict).headers()).containsEntry("from", "000.00.00.G22");
    }

    @Test
    void accepts_names_in_hashmap_order_and_stale_extra_headers_like_the_sdk_sends() {
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("timestamp", "22112026T102907+0120");
        reordered.put("Content-Type", "application/json");
        reordered.put("systemid", "vxp.saas.03");
        reordered.put("docId", "123");
        Map<String, String> wire = new LinkedHashMap<>(AxisSignature.sign(reordered, SECRET));
        wire.put("XroadVnpt-filePath", "C:\\edoc\\received");
        wire.put("XroadVnpt-hash-file", "stale-from-an-earlier-call");
        assertThat(AxisSignature.verify(caseInsensitive(wire), AxisSignatureTest::secrets))
                .isInstanceOf(AxisSignature.Verdict.Valid.class);
    }

    @Test
    void refuses_a_wrong_hmac_a_tampered_header_and_an_unknown_system() {
        Map<String, String> wrongSecret = AxisSignature.sign(logicalHeaders(), "not-the-secret");
        assertThat(AxisSignature.verify(caseInsensitive(wrongSecret), AxisSignatureTest::secrets))
                .isEqualTo(new AxisSignature.Verdict.Invalid("wrong XroadVnpt-hash-header (HMAC)"));

        Map<String, String> tampered = new LinkedHashMap<>(AxisSignature.sign(logicalHeaders(), SECRET));
        tampered.put("XroadVnpt-from", "000.00.00.H41");
        assertThat(AxisSignature.verify(caseInsensitive(tampered), AxisSignatureTest::secrets))
                .isEqualTo(new AxisSignature.Verdict.Invalid("header XroadVnpt-from differs from its signed value"));

        Map<String, String> other = new LinkedHashMap<>(logicalHeaders());
        other.put("systemid", "someone.else");
        assertThat(AxisSignature.verify(caseInsensitive(AxisSignature.sign(other, SECRET)), AxisSignatureTest::secrets))
                .isEqualTo(new AxisSignature.Verdict.Invalid("unknown system someone.else"));
    }

    @Test
    void formats_the_timestamp_with_milliseconds_padded_to_four_digits() {
        LocalDateTime time = LocalDateTime.of(2026, 11, 22, 10, 29, 7, 120_000_000);
        assertThat(AxisTimestamp.format(time)).isEqualTo("22112026T102907+0120");
        assertThat(AxisTimestamp.parse("22112026T102907+0120")).contains(time);
        assertThat(AxisTimestamp.parse("31022026T102907+0120")).isEmpty();
        assertThat(AxisTimestamp.parse("2026-11-22T10:29:07")).isEmpty();
    }

    @Test
    void writes_hash_file_without_zero_padding_like_the_sdk_and_accepts_both_forms() {
        byte[] digest = {(byte) 0xcc, 0x7b, (byte) 0xdd, 0x0a, 0x00, (byte) 0xff};
        assertThat(HashFile.sdkForm(digest)).isEqualTo("cc7bdda0ff");
        assertThat(HashFile.paddedForm(digest)).isEqualTo("cc7bdd0a00ff");
        assertThat(HashFile.matches("cc7bdda0ff", digest)).isTrue();
        assertThat(HashFile.matches("CC7BDD0A00FF", digest)).isTrue();
        assertThat(HashFile.matches("cc7bdd0a00fe", digest)).isFalse();
    }
}
