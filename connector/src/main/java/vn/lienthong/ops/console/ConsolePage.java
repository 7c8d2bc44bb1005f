package vn.lienthong.ops.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.ops.users.UsersFile;

/**
 * The console's files (classpath {@code /console/}), read once and served from memory with headers that keep the
 * page to itself: no framing, no script or style from elsewhere, nothing cached. Until a user exists, the page is
 * the one saying how to add the first, answered 503.
 */
final class ConsolePage {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePage.class);
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "texts.js", "text/javascript; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "documents.js", "text/javascript; charset=utf-8",
            "dead-letters.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "off.html", "text/html; charset=utf-8");

    private final UsersFile users;
    private final boolean tls;
    private final Map<String, Buffer> files = new LinkedHashMap<>();

    ConsolePage(UsersFile users, boolean tls) throws IOException {
        this.users = users;
        this.tls = tls;
        for (String name : FILES.keySet()) {
            try (InputStream in = ConsolePage.class.getResourceAsStream("/console/" + name)) {
                if (in == null) {
                    throw new IOException("the console's file " + name + " is missing from the build");
                }
                files.put(name, Buffer.buffer(in.readAllBytes()));
            }
        }
    }

    /** The console's page, or, while no user exists, the page saying how to add the first one. */
    void page(RoutingContext context) {
        boolean open;
        try {
            open = !users.users().isEmpty();
        } catch (IOException e) {
            LOG.warn("The users file {} cannot be read: {}", users.path(), e.getMessage());
            open = false;
        }
        send(context, open ? "index.html" : "off.html", open ? 200 : 503);
    }

    /** The page's script and style sheet; nothing else, and no page by another path. */
    void file(RoutingContext context) {
        String name = context.pathParam("file");
        if (!FILES.containsKey(name) || name.endsWith(".html")) {
            context.response().setStatusCode(404).end();
            return;
        }
        send(context, name, 200);
    }

    private void send(RoutingContext context, String name, int status) {
        if (tls) {
            context.response().putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", FILES.get(name))
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none';"
                                + " form-action 'self'; base-uri 'none'")
                .end(files.get(name).copy());
    }
}
