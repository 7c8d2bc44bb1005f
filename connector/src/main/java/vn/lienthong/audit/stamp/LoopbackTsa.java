package vn.lienthong.audit.stamp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * A {@link TimestampAuthority} listening on 127.0.0.1 at {@code /tsa}, for tests and a connector run beside the
 * demo. {@link #setAvailable} makes it answer 503 for a while; {@link #close} makes it unreachable.
 *
 * <pre>{@code
 * try (LoopbackTsa tsa = LoopbackTsa.start(0)) {
 *     byte[] token = new TsaClient(tsa.url(), Duration.ofSeconds(5)).timestamp(head);
 * }
 * }</pre>
 */
public final class LoopbackTsa implements AutoCloseable {

    public static final String PATH = "/tsa";
    private static final String HOST = "127.0.0.1";

    private final HttpServer server;
    private final TsaEndpoint endpoint;

    private LoopbackTsa(HttpServer server, TsaEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** With a freshly generated key and self-signed certificate; port 0 picks any free port. */
    public static LoopbackTsa start(int port) throws IOException {
        return start(port, TimestampAuthority.generate());
    }

    public static LoopbackTsa start(int port, TimestampAuthority authority) throws IOException {
        TsaEndpoint endpoint = new TsaEndpoint(authority);
        HttpServer server = HttpServer.create(new InetSocketAddress(HOST, port), 16);
        server.createContext(PATH, endpoint);
        server.start();
        return new LoopbackTsa(server, endpoint);
    }

    /** e.g. {@code http://127.0.0.1:40123/tsa}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + HOST + ":" + address.getPort() + PATH);
    }

    public X509Certificate certificate() {
        return endpoint.authority().certificate();
    }

    public TimestampAuthority authority() {
        return endpoint.authority();
    }

    /** While false, every call is answered 503. */
    public void setAvailable(boolean available) {
        endpoint.setAvailable(available);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
