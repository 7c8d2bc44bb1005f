package vn.lienthong.dms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may point. A POST carries a whole document, so it goes over https://, or over plain http:// only
 * to this machine (a loopback address or {@code localhost}, e.g. a DMS behind a local TLS proxy). Never to a
 * link-local address (169.254.0.0/16, where cloud machines serve their credentials, or fe80::/10), a multicast
 * address, or the unspecified address (0.0.0.0, ::). Checked when the clients file is read, and again on the
 * addresses a name resolves to before each delivery, since a name can come to point elsewhere after the start.
 */
public final class WebhookTarget {

    /** How Java writes an IP address (every address the JDK's HTTP client connects to went through InetAddress). */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[[0-9A-Fa-f:.%]+]");

    private WebhookTarget() {
    }

    /** Plain http:// is allowed only to this machine, named as such: a loopback address or localhost. */
    public static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return IP_LITERAL.matcher(host).matches() && !host.contains("%")
                    && InetAddress.getByName(unbracketed(host)).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /**
     * An address of the URL's host no webhook may reach, if any: the host's own when it is an address, else those
     * its name resolves to now. A name that does not resolve has none (it may resolve later; then the check before
     * each delivery applies). A scoped IPv6 address (fe80::1%eth0) is link-local by nature.
     */
    public static Optional<String> forbiddenAddress(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.empty();
        }
        if (host.contains("%")) {
            return Optional.of(host);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(unbracketed(host))) {
                if (forbidden(address)) {
                    return Optional.of(address.getHostAddress());
                }
            }
            return Optional.empty();
        } catch (UnknownHostException notResolved) {
            return Optional.empty();
        }
    }

    /**
     * Before each POST: the host as it resolves now is still a place a webhook may go. Throws an IOException, so the
     * delivery is retried, then dead-lettered, like any other that cannot be made.
     */
    public static void checkBeforeDelivery(URI url) throws IOException {
        Optional<String> forbidden = forbiddenAddress(url);
        if (forbidden.isPresent()) {
            throw new IOException("the webhook host " + url.getHost() + " resolves to " + forbidden.get()
                    + " (link-local, multicast or unspecified), where no webhook may go");
        }
        if ("http".equals(url.getScheme().toLowerCase(Locale.ROOT)) && !isLoopback(url)) {
            throw new IOException("the webhook " + url.getHost() + " is plain http:// to another machine");
        }
    }

    private static boolean forbidden(InetAddress address) {
        return address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress();
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
