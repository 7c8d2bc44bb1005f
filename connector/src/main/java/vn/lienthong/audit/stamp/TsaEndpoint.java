package vn.lienthong.audit.stamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 over HTTP (section 3.4) for a {@link TimestampAuthority}, as the JDK's HTTP server serves it: a POST of
 * an {@code application/timestamp-query} is answered with an {@code application/timestamp-reply}. Serves loopback
 * callers only, since the authority is a test and demo stand-in. What is not a request gets a rejection
 * TimeStampResp, a request too long gets 413, and while switched unavailable every call gets 503.
 */
public final class TsaEndpoint implements HttpHandler {

    public static final String QUERY_TYPE = "application/timestamp-query";
    public static final String REPLY_TYPE = "application/timestamp-reply";
    /** A TimeStampReq is a few hundred bytes even with extensions; anything longer is not one. */
    static final int MAX_REQUEST = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TsaEndpoint.class);

    private final TimestampAuthority authority;
    private volatile boolean available = true;

    public TsaEndpoint(TimestampAuthority authority) {
        this.authority = authority;
    }

    public TimestampAuthority authority() {
        return authority;
    }

    /** Switched off, every call is answered 503, as a TSA that is up but failing; switched on, it stamps again. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            answer(exchange);
        } catch (IOException e) {
            LOG.debug("loopback TSA: the client went away: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("loopback TSA: unexpected {}", e.getClass().getName(), e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote == null || !remote.getAddress().isLoopbackAddress()) {
            plain(exchange, 403, "Chỉ phục vụ từ chính máy này (địa chỉ loopback). / Served to this machine only (a loopback address).");
            return;
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            plain(exchange, 405, "Chỉ dùng POST. / Use POST.");
            return;
        }
        if (!available) {
            plain(exchange, 503, "Dịch vụ cấp dấu thời gian tạm ngừng. / The time-stamping service is unavailable.");
            return;
        }
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readNBytes(MAX_REQUEST + 1);
        }
        if (request.length > MAX_REQUEST) {
            reply(exchange, 413, authority.rejected(PKIFailureInfo.badRequest, "the request is too long"));
            return;
        }
        reply(exchange, 200, authority.respond(request));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, REPLY_TYPE, body);
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
