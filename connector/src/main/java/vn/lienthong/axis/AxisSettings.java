package vn.lienthong.axis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to reach one axis (spec/axis-protocol.md, "Connection settings an agency receives").
 *
 * @param endpoint        base URL; every call's path is appended to it
 * @param systemId        this system's identifier on the platform
 * @param secret          the shared HMAC key; never printed
 * @param connectTimeout  how long to wait for a TCP/TLS connection
 * @param requestTimeout  how long to wait for the answer's headers
 * @param sslContext      TLS trust and keys, or {@code null} for the JDK's default
 * @param sdkHashFileForm send {@code hash-file} in the SDK's unpadded hex form rather than the padded one
 */
public record AxisSettings(URI endpoint, String systemId, String secret, Duration connectTimeout, Duration requestTimeout,
                           SSLContext sslContext, boolean sdkHashFileForm) {

    public AxisSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!endpoint.isAbsolute() || !("http".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme()))) {
            throw new IllegalArgumentException("the axis endpoint must be an absolute http or https URL: " + endpoint);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the axis timeouts must be positive");
        }
    }

    /** The URL of one call: the endpoint, without a trailing slash, then {@code /call}. */
    URI callUri(String call) {
        String base = endpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + call);
    }

    /** Settings end up in logs and error reports, so the secret is left out. */
    @Override
    public String toString() {
        return "AxisSettings[endpoint=" + endpoint + ", systemId=" + systemId + ", secret=(hidden)"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", sslContext=" + (sslContext == null ? "JDK default" : sslContext.getProtocol())
                + ", sdkHashFileForm=" + sdkHashFileForm + "]";
    }
}
