package vn.lienthong.ops.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.lienthong.dms.WebhookTarget;

/**
 * Alert notices POSTed as JSON to {@code lienthong.alerts.webhook.url}, signed so the receiver can tell they are the
 * connector's and fresh:
 * <pre>
 * X-LienThong-Signature = hex( HMAC-SHA256( secret, X-LienThong-Timestamp + "\n" + hex(SHA-256(body)) ) )
 * </pre>
 * with the secret as the UTF-8 bytes of {@code lienthong.alerts.webhook.secret-file} (surrounding whitespace removed)
 * and the timestamp in seconds since 1970. HTTPS only, but for a loopback receiver; the host is checked again before
 * each POST, as for document webhooks. The timeout bounds the whole exchange.
 */
final class WebhookChannel implements AlertChannel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    WebhookChannel(URI url, String secret, Duration timeout, Clock clock) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(AlertNotice notice) throws Exception {
        WebhookTarget.checkBeforeDelivery(url);
        byte[] body = JSON.writeValueAsBytes(notice.json());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-LienThong-Timestamp", timestamp)
                .header("X-LienThong-Signature", signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the alert webhook answered HTTP " + response.statusCode());
        }
    }

    /** The signature a receiver recomputes (see the class comment). */
    static String signature(String secret, String timestamp, byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + bodyHash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256 and HmacSHA256", e);
        }
    }
}
