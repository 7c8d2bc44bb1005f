package vn.lienthong.dms.webhook;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a DMS checks a webhook POST, written from the documented recipe and not with the connector's code:
 * hex(HMAC-SHA256(secret, timestamp + "." + hex(SHA-256(body)))) must equal X-LienThong-Signature.
 */
final class WebhookReceiver {

    private WebhookReceiver() {
    }

    static boolean signatureHolds(LoggedRequest request, String secret) throws Exception {
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBody()));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(hmac.doFinal(
                (request.getHeader("X-LienThong-Timestamp") + "." + bodyHash).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                request.getHeader("X-LienThong-Signature").getBytes(StandardCharsets.US_ASCII));
    }
}
