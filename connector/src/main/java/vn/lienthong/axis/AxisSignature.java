package vn.lienthong.axis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request authentication of the axis protocol (spec/axis-protocol.md, "Request authentication"). Signing:
 * every logical header NAME travels as {@code XroadVnpt-NAME}, plus {@code XroadVnpt-sign-header-key} (the
 * names joined by {@code ;}), {@code XroadVnpt-sign-header} (compact JSON of the same headers in the same order)
 * and {@code XroadVnpt-hash-header} (hex HMAC-SHA256 of that JSON, keyed by the secret). Verifying does the
 * same in reverse and tolerates the SDK's quirks: any order of names, stale extra headers, any header case.
 */
public final class AxisSignature {

    public static final String PREFIX = "XroadVnpt-";
    public static final String SIGN_HEADER_KEY = PREFIX + "sign-header-key";
    public static final String SIGN_HEADER = PREFIX + "sign-header";
    public static final String HASH_HEADER = PREFIX + "hash-header";
    public static final String VERSION_HEADER = PREFIX + "version";
    public static final String VERSION = "3.0.201608";
    public static final String USER_AGENT = "JAVASDKAgent/1.0.0 XRoad/VPCP";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AxisSignature() {
    }

    /**
     * The wire headers for the logical headers given, in their order. The real {@code Content-Type} and
     * {@code User-Agent} are included, so the result is every header a request needs.
     */
    public static Map<String, String> sign(Map<String, String> logicalHeaders, String secret) {
        Map<String, String> signed = new LinkedHashMap<>();
        Map<String, String> signedMembers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : logicalHeaders.entrySet()) {
            signed.put(PREFIX + header.getKey(), header.getValue());
            signedMembers.put(PREFIX + header.getKey(), header.getValue());
        }
        String signHeader = compactJson(signedMembers);
        signed.put(SIGN_HEADER_KEY, String.join(";", logicalHeaders.keySet()));
        signed.put(SIGN_HEADER, signHeader);
        signed.put(HASH_HEADER, hmacHex(secret, signHeader));
        signed.put(VERSION_HEADER, VERSION);
        String contentType = logicalHeaders.get("Content-Type");
        if (contentType != null) {
            signed.put("Content-Type", contentType);
        }
        return signed;
    }

    /** Lower-case hex HMAC-SHA256 of {@code data} keyed by {@code secret}, both as UTF-8. */
    public static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static String compactJson(Map<String, String> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** What a server learns from checking a request's signature. */
    public sealed interface Verdict {

        /**
         * The signature holds; {@code headers} are the signed logical headers, spelled as signed and in signed
         * order. Two spellings of one name may both be there: the SDK's header map keeps {@code docid} of an
         * earlier call beside this call's {@code docId}.
         */
        record Valid(String systemId, Map<String, String> headers) implements Verdict {
        }

        record Invalid(String reason) implements Verdict {
        }
    }

    /**
     * Checks a request. {@code header} looks a wire header up by name, case-insensitively; {@code secretOf}
     * gives a system's secret, if the system is known. Freshness of the timestamp is the caller's to judge.
     */
    public static Verdict verify(Function<String, String> header, Function<String, Optional<String>> secretOf) {
        String keyList = header.apply(SIGN_HEADER_KEY);
        String signHeader = header.apply(SIGN_HEADER);
        String hashHeader = header.apply(HASH_HEADER);
        if (keyList == null || signHeader == null || hashHeader == null) {
            return new Verdict.Invalid("missing " + SIGN_HEADER_KEY + ", " + SIGN_HEADER + " or " + HASH_HEADER);
        }
        Map<String, String> members;
        try {
            members = JSON.readValue(signHeader, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            return new Verdict.Invalid(SIGN_HEADER + " is not a JSON object of strings");
        }
        List<String> names = List.of(keyList.split(";"));
        List<String> memberNames = new ArrayList<>(members.keySet());
        if (!memberNames.equals(names.stream().map(name -> PREFIX + name).toList())) {
            return new Verdict.Invalid(SIGN_HEADER + " does not list the names of " + SIGN_HEADER_KEY + " in that order");
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : names) {
            String value = members.get(PREFIX + name);
            String onWire = header.apply(PREFIX + name);
            if (onWire == null || !onWire.equals(value)) {
                return new Verdict.Invalid("header " + PREFIX + name + " differs from its signed value");
            }
            signed.put(name, value);
        }
        String systemId = signed.entrySet().stream().filter(member -> member.getKey().equalsIgnoreCase("systemid"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (systemId == null) {
            return new Verdict.Invalid("systemid is not among the signed headers");
        }
        Optional<String> secret = secretOf.apply(systemId);
        if (secret.isEmpty()) {
            return new Verdict.Invalid("unknown system " + systemId);
        }
        byte[] expected = hmacHex(secret.get(), signHeader).getBytes(StandardCharsets.US_ASCII);
        byte[] received = hashHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, received)) {
            return new Verdict.Invalid("wrong " + HASH_HEADER + " (HMAC)");
        }
        return new Verdict.Valid(systemId, signed);
    }
}
