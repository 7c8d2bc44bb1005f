package vn.lienthong.dms.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientFileProblem;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.WebhookTarget;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.dms.delivery.ClientDelivery;

/**
 * Delivers a received document (or status notice) to a DMS client's webhook: an HTTP POST of the envelope,
 * streamed from the store file ({@code Content-Type: application/xml}), with
 * <ul>
 * <li>{@code X-LienThong-Key}: the document key;</li>
 * <li>{@code X-LienThong-Message-Type}: {@code edoc} or {@code status};</li>
 * <li>{@code X-LienThong-Findings}: the codes of what validation found, comma-separated; absent when nothing;</li>
 * <li>{@code X-LienThong-Timestamp} and {@code X-LienThong-Signature}, which signs all of these and the body: see
 * {@link WebhookSignature}.</li>
 * </ul>
 * Anything but a 2xx answer (or no whole answer in time: the deadline covers sending the envelope and reading the
 * whole answer) throws: the delivery message rolls back and the broker tries
 * again later with its back-off, then dead-letters; that is the only retry. After a 2xx, (document, client) is
 * marked, so a redelivered delivery message does not POST again. The receiver should still treat the key as
 * idempotent: a crash between its 2xx and our mark means one more POST of the same document.
 */
public final class WebhookDelivery implements ClientDelivery {

    static final String MARK = "delivered-to-dms:";
    private static final long MAX_SECRET_BYTES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final HttpClient http;
    private final Duration timeout;
    private final ProcessedMarks marks;
    private final Clock clock;

    public WebhookDelivery(Duration connectTimeout, Duration timeout, ProcessedMarks marks, Clock clock) {
        // HTTP/1.1 plainly: the JDK's default would ask a plain-HTTP webhook to upgrade to h2c, which some DMS servers
        // mishandle on a POST.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.marks = marks;
        this.clock = clock;
    }

    /**
     * Timeouts from {@code lienthong.dms.webhook.connect-timeout-ms} and {@code lienthong.dms.webhook.timeout-ms}.
     * Every webhook client of {@code clients} must have a URL and a readable secret file: a mistake there stops
     * the start, rather than every delivery to that client failing until it is dead-lettered.
     */
    public static WebhookDelivery fromProperties(Properties properties, ClientRegistry clients, ProcessedMarks marks,
                                                 Clock clock) {
        for (DmsClient client : clients.all()) {
            if (client.delivery().mode() == Delivery.Mode.WEBHOOK) {
                Delivery delivery = client.delivery();
                if (delivery.webhook() == null || delivery.webhookSecretFile() == null
                        || !Files.isRegularFile(delivery.webhookSecretFile())
                        || !Files.isReadable(delivery.webhookSecretFile())) {
                    throw new ClientFileProblem("WEBHOOK_SECRET_UNREADABLE", "Máy khách " + client.id()
                            + " nhận qua webhook nên cần \"url\" và \"secretFile\" là một tệp thường đọc được.",
                            "webhook client " + client.id() + " needs a url and a readable secretFile (a regular file) "
                                    + "in the clients file");
                }
            }
        }
        return new WebhookDelivery(millis(properties, "lienthong.dms.webhook.connect-timeout-ms", 5000),
                millis(properties, "lienthong.dms.webhook.timeout-ms", 30000), marks, clock);
    }

    @Override
    public void deliver(DmsClient client, TrackedDocument document, Path envelope, List<String> findingCodes)
            throws Exception {
        String step = MARK + client.id();
        if (marks.detail(document.key(), step).isPresent()) {
            return;
        }
        if (client.delivery().webhook() == null || client.delivery().webhookSecretFile() == null) {
            throw new IllegalStateException("webhook client " + client.id() + " needs a url and a secretFile");
        }
        WebhookTarget.checkBeforeDelivery(client.delivery().webhook());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        // The codes only: each finding in full is in GET /api/v1/documents/{key}.
        String findings = String.join(",", findingCodes);
        WebhookSignature signed = new WebhookSignature(timestamp, document.key().value(), document.messageType(),
                findings, WebhookSignature.sha256Hex(envelope));
        HttpRequest.Builder request = HttpRequest.newBuilder(client.delivery().webhook())
                .header("Content-Type", "application/xml")
                .header("X-LienThong-Key", signed.key())
                .header("X-LienThong-Message-Type", signed.messageType())
                .header("X-LienThong-Timestamp", timestamp)
                .header("X-LienThong-Signature", signed.sign(secret(client)))
                .POST(HttpRequest.BodyPublishers.ofFile(envelope));
        if (!findings.isEmpty()) {
            request.header("X-LienThong-Findings", findings);
        }
        HttpResponse<Void> response = exchange(request.build(), client);
        if (response.statusCode() / 100 != 2) {
            throw new WebhookRefused(client.id(), response.statusCode());
        }
        marks.mark(document.key(), step, "HTTP " + response.statusCode());
        LOG.info("Delivered {} {} to the webhook of client {} (HTTP {})", document.messageType(), document.key().value(),
                client.id(), response.statusCode());
    }

    /**
     * The POST and the whole answer, within {@code timeout} from the start: the JDK's request timeout stops at the
     * answer's headers, and a receiver that then trickles its body would hold this delivery (and, before each client
     * had its own queue, every other) for as long as it likes. At the deadline the exchange is cancelled, which
     * closes its connection.
     */
    private HttpResponse<Void> exchange(HttpRequest request, DmsClient client) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            exchange.cancel(true);
            throw new HttpTimeoutException("the webhook of client " + client.id() + " did not finish answering within "
                    + timeout.toMillis() + " ms (lienthong.dms.webhook.timeout-ms); the delivery will be retried");
        } catch (InterruptedException stopping) {
            exchange.cancel(true);
            throw stopping;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("the webhook of client " + client.id() + " could not be called: " + failed.getCause(),
                    failed.getCause());
        }
    }

    /** Read at every delivery, so a rotated secret applies without a restart. */
    private static String secret(DmsClient client) throws IOException {
        Path file = client.delivery().webhookSecretFile();
        // A secret is a line of text: a secretFile pointing at a device or a huge file is a mistake, not a secret to
        // read into the heap at every delivery.
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_SECRET_BYTES) {
            throw new IllegalStateException("the webhook secret file of client " + client.id()
                    + " is not a regular file of at most " + MAX_SECRET_BYTES + " bytes");
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IllegalStateException("the webhook secret file of client " + client.id() + " is empty");
        }
        return secret;
    }

    private static Duration millis(Properties properties, String key, long fallback) {
        String value = properties.getProperty(key, "").strip();
        return Duration.ofMillis(value.isEmpty() ? fallback : Long.parseLong(value));
    }

    /** A webhook that answered, but not with 2xx; the broker will try again. */
    static final class WebhookRefused extends Exception {

        WebhookRefused(String clientId, int status) {
            super("the webhook of client " + clientId + " answered HTTP " + status + "; the delivery will be retried");
        }
    }
}
