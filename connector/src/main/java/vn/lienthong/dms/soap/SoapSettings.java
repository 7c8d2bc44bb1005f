package vn.lienthong.dms.soap;

import java.util.Properties;
import vn.lienthong.dms.DmsTls;
import vn.lienthong.http.ListenerLimits;

/**
 * Where the SOAP interface listens ({@code lienthong.soap.*}), whether over TLS (when {@code lienthong.dms.tls.keystore}
 * is set, the same TLS as the REST API) and the largest envelope it takes as an MTOM attachment (the same limit as
 * everywhere else, {@code lienthong.limits.max-envelope-bytes}), how many MTOM parts and bytes one request may carry
 * ({@code lienthong.soap.max-attachments}, {@code lienthong.soap.max-request-bytes}: by default the largest envelope
 * plus what inline base64 may take), the longest XML name a request may hold ({@code lienthong.limits.max-name-length},
 * as in envelopes), and what the listener allows a connection ({@link ListenerLimits}).
 */
public record SoapSettings(boolean enabled, String host, int port, String path, boolean tls, long maxEnvelopeBytes,
                           int maxAttachments, long maxRequestBytes, int maxNameLength, ListenerLimits listener) {

    public static SoapSettings from(Properties properties) {
        String path = value(properties, "lienthong.soap.path", "/soap/dms");
        long maxEnvelopeBytes = Long.parseLong(value(properties, "lienthong.limits.max-envelope-bytes", "536870912"));
        return new SoapSettings(
                Boolean.parseBoolean(value(properties, "lienthong.soap.enabled", "true")),
                value(properties, "lienthong.soap.host", "127.0.0.1"),
                Integer.parseInt(value(properties, "lienthong.soap.port", "8772")),
                path.startsWith("/") ? path : "/" + path,
                !value(properties, DmsTls.KEYSTORE, "").isEmpty(),
                maxEnvelopeBytes,
                Integer.parseInt(value(properties, "lienthong.soap.max-attachments", "2")),
                Long.parseLong(value(properties, "lienthong.soap.max-request-bytes",
                        Long.toString(maxEnvelopeBytes + 2L * SoapEndpoint.MAX_INLINE_TEXT_CHARS))),
                Integer.parseInt(value(properties, "lienthong.limits.max-name-length", "256")),
                ListenerLimits.from(properties, "lienthong.soap", 120_000, 200));
    }

    /** The endpoint address; a host that is an IPv6 literal is bracketed. */
    public String address() {
        String printableHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tls ? "https://" : "http://") + printableHost + ":" + port + path;
    }

    private static String value(Properties properties, String key, String fallback) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() ? fallback : value;
    }
}
