package vn.lienthong.ops.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.ops.http.OpsAccess;
import vn.lienthong.ops.http.OpsUser;
import vn.lienthong.ops.users.UserAccount;
import vn.lienthong.ops.users.UsersFile;

/**
 * Signed-in console users. A session is a random id in an HttpOnly, SameSite=Strict cookie (Secure with TLS), named
 * after the management port ({@link #cookieName}), kept
 * here only as its SHA-256, so not even a heap dump gives a usable cookie; it ends after {@code idle} unused, at
 * sign-out, or when its user is removed from the users file. A request that changes something must also carry the
 * session's CSRF token in the {@value #CSRF_HEADER} header, which a page of another site cannot read or set.
 */
public final class Sessions implements OpsAccess {

    /** The cookie's name is this and the management port: browsers keep cookies per host, not per port. */
    public static final String COOKIE = "lienthong_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final int MAX_SESSIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session: whose it is, its CSRF token, when it was last used. */
    record Session(String user, String csrf, Instant lastUsed) {
    }

    private final String cookieName;
    private final UsersFile users;
    private final Duration idle;
    private final boolean secure;
    private final Clock clock;
    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();

    /** {@code port}: the management port, so that two connectors on one host (the demo's) keep apart sessions. */
    public Sessions(UsersFile users, int port, Duration idle, boolean secure, Clock clock) {
        this.cookieName = cookieName(port);
        this.users = users;
        this.idle = idle;
        this.secure = secure;
        this.clock = clock;
    }

    /** Opens a session for {@code user}; its cookie is set on the response. Returns the CSRF token. */
    String open(RoutingContext context, String user) {
        Instant now = clock.instant();
        byIdHash.values().removeIf(session -> expired(session, now));
        if (byIdHash.size() >= MAX_SESSIONS) {
            byIdHash.entrySet().stream().min(Map.Entry.comparingByValue(
                    java.util.Comparator.comparing(Session::lastUsed))).ifPresent(oldest -> byIdHash.remove(oldest.getKey()));
        }
        String id = random();
        String csrf = random();
        byIdHash.put(hash(id), new Session(user, csrf, now));
        context.response().addCookie(cookie(id, false));
        return csrf;
    }

    /** The valid session the request's cookie names, if any (no CSRF check: for reading who is signed in). */
    Optional<Session> current(RoutingContext context) {
        Cookie cookie = context.request().getCookie(cookieName);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        String key = hash(cookie.getValue());
        Session session = byIdHash.get(key);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            byIdHash.remove(key, session);
            return Optional.empty();
        }
        Session used = new Session(session.user(), session.csrf(), now);
        byIdHash.replace(key, session, used);
        return Optional.of(used);
    }

    /** Ends the request's session and clears its cookie; the name of whose it was, if it was one. */
    Optional<String> close(RoutingContext context) {
        Cookie cookie = context.request().getCookie(cookieName);
        context.response().addCookie(cookie("", true));
        if (cookie == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byIdHash.remove(hash(cookie.getValue()))).map(Session::user);
    }

    /** The session's CSRF token matches the request's header (constant time). */
    static boolean csrfMatches(Session session, RoutingContext context) {
        String presented = context.request().getHeader(CSRF_HEADER);
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A request with a valid session, the CSRF token when it changes something, and a user still in the users file:
     * that user, with the roles the file gives them now.
     */
    @Override
    public Optional<OpsUser> authenticate(RoutingContext context) {
        Optional<Session> session = current(context);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (!SAFE.contains(context.request().method()) && !csrfMatches(session.get(), context)) {
            return Optional.empty();
        }
        try {
            return users.find(session.get().user()).map(UserAccount::asOpsUser);
        } catch (IOException e) {
            LOG.warn("The users file {} cannot be read: {}", users.path(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The session cookie's name on the management port {@code port}. */
    public static String cookieName(int port) {
        return COOKIE + "_" + port;
    }

    private boolean expired(Session session, Instant now) {
        return session.lastUsed().plus(idle).isBefore(now);
    }

    private Cookie cookie(String value, boolean clear) {
        Cookie cookie = Cookie.cookie(cookieName, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT);
        if (clear) {
            cookie.setMaxAge(0);
        }
        return cookie;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    @Override
    public String toString() {
        return "Sessions[" + byIdHash.size() + " open]";
    }
}
