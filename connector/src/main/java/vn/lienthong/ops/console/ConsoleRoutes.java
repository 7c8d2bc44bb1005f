package vn.lienthong.ops.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.ops.http.OpsAnswer;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UserAccount;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.Steps;

/**
 * The web console on the management port: its page at {@code /console/} ({@link ConsolePage}), and signing in and out.
 * <pre>
 *   POST   /ops/v1/session   {"name", "password"}: signs in; sets the session cookie, answers the user and CSRF token
 *   GET    /ops/v1/session   who is signed in, with the CSRF token (for a reloaded page)
 *   DELETE /ops/v1/session   signs out (with the CSRF token)
 * </pre>
 * Until the users file has a user, the console is off: no sign-in is possible and the page says how to add one.
 * Every sign-in, failure, lockout and sign-out is in the transmission log.
 */
public final class ConsoleRoutes {

    public static final String PATH = "/console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final int FIELD_LIMIT = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * Password checks at once: each takes 19 MiB and a core for about 50 ms, so callers who never had a password
     * cannot take the machine's memory or both its cores by signing in from many connections.
     */
    private static final int CHECKS_AT_ONCE = 2;
    private static final int CHECK_WAIT_SECONDS = 5;

    private final Semaphore checks = new Semaphore(CHECKS_AT_ONCE);
    private final UsersFile users;
    private final Sessions sessions;
    private final Lockout lockout;
    private final TransmissionLog log;
    /** Compared against for a name that does not exist, so that the time taken tells nothing. */
    private final String decoyHash;

    private ConsoleRoutes(UsersFile users, Sessions sessions, Lockout lockout, TransmissionLog log) {
        this.users = users;
        this.sessions = sessions;
        this.lockout = lockout;
        this.log = log;
        this.decoyHash = PasswordHash.hash("decoy".toCharArray(), PasswordHash.DEFAULT);
    }

    /**
     * Mounts the console and its sign-in on {@code router}, opening {@code sessions}, which the operations API accepts
     * beside the operations token. Mount it after {@link OpsRoutes#mount}, whose body handler reads sign-in bodies.
     */
    public static void mount(Router router, UsersFile users, Sessions sessions, ConsoleSettings settings,
                             TransmissionLog log, Clock clock) throws IOException {
        mount(router, users, sessions, settings, log, Lockout.of(settings, clock));
    }

    /** As above, counting wrong passwords in {@code lockout}, which other sign-ins (HTTP Basic) share. */
    public static void mount(Router router, UsersFile users, Sessions sessions, ConsoleSettings settings,
                             TransmissionLog log, Lockout lockout) throws IOException {
        ConsoleRoutes console = new ConsoleRoutes(users, sessions, lockout, log);
        ConsolePage page = new ConsolePage(users, settings.secureCookie());
        String session = OpsRoutes.BASE + "/session";
        router.route(HttpMethod.POST, session).blockingHandler(console::signIn, false);
        router.route(HttpMethod.GET, session).blockingHandler(console::whoIsSignedIn, false);
        router.route(HttpMethod.DELETE, session).blockingHandler(console::signOut, false);
        // Vert.x matches /console and /console/ alike; the page names its files by absolute paths.
        router.route(HttpMethod.GET, PATH).blockingHandler(page::page, false);
        router.route(HttpMethod.GET, PATH + "/:file").handler(page::file);
    }

    private void signIn(RoutingContext context) {
        if (!anyUser(context)) {
            return;
        }
        // A page of another site can post a form (text/plain, urlencoded) here, but not JSON without a preflight
        // nobody answers: so no one is signed in, as someone else, by a page they visit.
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            OpsAnswer.error(415, "JSON_REQUIRED", "Yêu cầu đăng nhập phải có Content-Type: application/json.",
                    "A sign-in request must have Content-Type: application/json.").send(context);
            return;
        }
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            OpsAnswer.badBody().send(context);
            return;
        }
        String name = OpsAnswer.text(request.get(), "name", FIELD_LIMIT).toLowerCase(Locale.ROOT);
        JsonNode given = request.get().get("password");
        char[] password = given == null || !given.isTextual() ? new char[0] : given.asText().toCharArray();
        String who = "user '" + shownName(name) + "' from " + context.request().remoteAddress().host();
        try {
            Instant locked = lockout.lockedUntil(name);
            if (locked != null) {
                log.append(null, Steps.CONSOLE_SIGN_IN, Steps.LOCKED, 1, null, who + ": locked until " + locked);
                locked(locked).send(context);
                return;
            }
            Optional<UserAccount> account = users.find(name);
            if (!checks.tryAcquire(CHECK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                OpsAnswer.error(503, "SIGN_IN_BUSY", "Đang có quá nhiều lượt đăng nhập cùng lúc; thử lại sau ít giây.",
                        "Too many sign-ins at once; try again in a few seconds.").send(context);
                return;
            }
            boolean matches;
            try {
                matches = PasswordHash.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
            } finally {
                checks.release();
            }
            if (account.isEmpty() || !matches) {
                Instant lockedNow = lockout.failed(name);
                if (lockedNow != null) {
                    LOG.warn("Console: {} locked out until {} after repeated wrong passwords", who, lockedNow);
                }
                log.append(null, Steps.CONSOLE_SIGN_IN, lockedNow == null ? Steps.FAILED : Steps.LOCKED, 1, null,
                        who + (lockedNow == null ? ": wrong name or password" : ": wrong password, locked until " + lockedNow));
                (lockedNow == null ? OpsAnswer.error(401, "SIGN_IN_FAILED", "Sai tên đăng nhập hoặc mật khẩu.",
                        "Wrong user name or password.") : locked(lockedNow)).send(context);
                return;
            }
            lockout.succeeded(name);
            String csrf = sessions.open(context, name);
            log.append(null, Steps.CONSOLE_SIGN_IN, Steps.OK, 1, null, who);
            LOG.info("Console: {} signed in", who);
            signedIn(account.get(), csrf).send(context);
        } catch (IOException e) {
            unreadable(context, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.response().setStatusCode(503).end();
        } finally {
            Arrays.fill(password, ' ');
        }
    }

    private void whoIsSignedIn(RoutingContext context) {
        if (!anyUser(context)) {
            return;
        }
        Optional<Sessions.Session> session = sessions.current(context);
        try {
            Optional<UserAccount> account = session.isEmpty() ? Optional.empty() : users.find(session.get().user());
            if (account.isEmpty()) {
                OpsAnswer.error(401, "NOT_SIGNED_IN", "Chưa đăng nhập hoặc phiên đã hết hạn.",
                        "Not signed in, or the session has expired.").send(context);
                return;
            }
            signedIn(account.get(), session.get().csrf()).send(context);
        } catch (IOException e) {
            unreadable(context, e);
        }
    }

    private void signOut(RoutingContext context) {
        Optional<Sessions.Session> session = sessions.current(context);
        if (session.isPresent() && !Sessions.csrfMatches(session.get(), context)) {
            OpsAnswer.error(403, "CSRF_TOKEN_MISSING", "Yêu cầu thiếu mã chống giả mạo (CSRF) của phiên.",
                    "The request lacks the session's anti-forgery (CSRF) token.").send(context);
            return;
        }
        Optional<String> user = sessions.close(context);
        user.ifPresent(name -> log.append(null, Steps.CONSOLE_SIGN_OUT, Steps.OK, 1, null,
                "user '" + name + "' from " + context.request().remoteAddress().host()));
        OpsAnswer.ok(Map.of("signedOut", user.isPresent())).send(context);
    }

    private boolean anyUser(RoutingContext context) {
        try {
            if (!users.users().isEmpty()) {
                return true;
            }
            consoleOff(users).send(context);
        } catch (IOException e) {
            unreadable(context, e);
        }
        return false;
    }

    /** The answer while no user exists: how to add the first one. */
    static OpsAnswer consoleOff(UsersFile users) {
        return OpsAnswer.error(503, "CONSOLE_OFF",
                "Bảng điều khiển chưa bật vì chưa có người dùng nào (không có mật khẩu mặc định). Thêm người dùng đầu tiên"
                        + " trên máy chạy bộ kết nối: lienthong users add TÊN --role admin --config TỆP_CẤU_HÌNH",
                "The console is off because there is no user yet (there is no default password). Add the first user on"
                        + " the connector's machine: lienthong users add NAME --role admin --config CONFIG_FILE");
    }

    private static OpsAnswer signedIn(UserAccount account, String csrf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", account.name());
        body.put("roles", account.effectiveRoles().stream().map(role -> role.name().toLowerCase()).sorted().toList());
        body.put("csrf", csrf);
        return OpsAnswer.ok(body);
    }

    private static OpsAnswer locked(Instant until) {
        return OpsAnswer.error(429, "ACCOUNT_LOCKED", "Tài khoản tạm khóa do đăng nhập sai nhiều lần liên tiếp; thử lại sau "
                        + MINUTE.format(until) + ".",
                "The account is locked after repeated wrong passwords; try again after " + MINUTE.format(until) + ".");
    }

    private void unreadable(RoutingContext context, IOException e) {
        LOG.warn("The users file {} cannot be read: {}", users.path(), e.getMessage());
        OpsAnswer.error(500, "USERS_FILE_UNREADABLE", "Không đọc được tệp người dùng; xem nhật ký của bộ kết nối.",
                "The users file cannot be read; see the connector's log.").send(context);
    }

    /** A name as the log shows it: only the characters a name may have, at most 64. */
    private static String shownName(String name) {
        String shown = name.replaceAll("[^a-z0-9._@-]", "_");
        return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
    }
}
