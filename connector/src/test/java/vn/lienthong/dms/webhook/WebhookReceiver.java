package vn.lienthong.dms.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a DMS checks a webhook POST, written from the documented recipe and not with the connector's code:
 * hex(HMAC-SHA256(secret, timestamp \n key \n message type \n findings (empty when absent) \n hex(SHA-256(body))))
 * must equal X-LienThong-Signature.
 */
final class WebhookReceiver {

    static final String[] SIGNED_HEADERS = {"X-LienThong-Timestamp", "X-LienThong-Key", "X-LienThong-Message-Type",
            "X-LienThong-Findings", "X-LienThong-Signature"};

    private WebhookReceiver() {
    }

    static boolean signatureHolds(LoggedRequest request, String secret) throws Exception {
        return signatureHolds(headersOf(request), request.getBody(), secret);
    }

    /** The headers the recipe reads, as the request carried them (absent ones left out). */
    static Map<String, String> headersOf(LoggedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SIGNED_HEADERS) {
            if (request.containsHeader(name)) {
                headers.put(name, request.getHeader(name));
            }
        }
        return headers;
    }

    static boolean signatureHolds(Map<String, String> headers, byte[] body, String secret) throws Exception {
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signedText = headers.get("X-LienThong-Timestamp") + "\n" + headers.get("X-LienThong-Key") + "\n"
                + headers.get("X-LienThong-Message-Type") + "\n" + headers.getOrDefault("X-LienThong-Findings", "") + "\n"
                + bodyHash;
        String expected = HexFormat.of().formatHex(hmac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                headers.get("X-LienThong-Signature").getBytes(StandardCharsets.US_ASCII));
    }
}
