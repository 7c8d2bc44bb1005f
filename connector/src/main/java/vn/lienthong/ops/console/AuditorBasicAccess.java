package vn.lienthong.ops.console;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.ops.http.OpsAccess;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.http.OpsUser;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UserAccount;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.Steps;

/**
 * HTTP Basic sign-in for the {@code audit} command line, on the audit routes only ({@code /ops/v1/audit/...}): a user
 * of the users file with their password (Argon2id), under the console's lockout. The route still needs the AUDITOR
 * role. Every attempt is in the transmission log, naming the user and the address, never the password.
 */
public final class AuditorBasicAccess implements OpsAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AuditorBasicAccess.class);
    private static final String AUDIT_ROUTES = OpsRoutes.BASE + "/audit/";
    private static final int CHECKS_AT_ONCE = 2;
    private static final int NAME_LIMIT = 200;

    private final UsersFile users;
    private final Lockout lockout;
    private final TransmissionLog log;
    private final Semaphore checks = new Semaphore(CHECKS_AT_ONCE);
    private final String decoyHash = PasswordHash.hash("decoy".toCharArray(), PasswordHash.DEFAULT);

    public AuditorBasicAccess(UsersFile users, Lockout lockout, TransmissionLog log) {
        this.users = users;
        this.lockout = lockout;
        this.log = log;
    }

    @Override
    public Optional<OpsUser> authenticate(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)
                || !context.request().path().startsWith(AUDIT_ROUTES)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, Math.min(colon, NAME_LIMIT)).toLowerCase(Locale.ROOT);
        char[] password = decoded.substring(colon + 1).toCharArray();
        String who = "user '" + (UserAccount.validName(name) ? name : "(not a user name)") + "' from "
                + context.request().remoteAddress().host();
        try {
            Instant locked = lockout.lockedUntil(name);
            if (locked != null) {
                log.append(null, Steps.AUDIT_SIGN_IN, Steps.LOCKED, 1, null, who + ": locked until " + locked);
                return Optional.empty();
            }
            Optional<UserAccount> account = users.find(name);
            if (!checks.tryAcquire(5, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            boolean matches;
            try {
                matches = PasswordHash.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
            } finally {
                checks.release();
            }
            if (account.isEmpty() || !matches) {
                Instant lockedNow = lockout.failed(name);
                log.append(null, Steps.AUDIT_SIGN_IN, lockedNow == null ? Steps.FAILED : Steps.LOCKED, 1, null,
                        who + (lockedNow == null ? ": wrong name or password" : ": wrong password, locked until "
                                + lockedNow));
                return Optional.empty();
            }
            lockout.succeeded(name);
            log.append(null, Steps.AUDIT_SIGN_IN, Steps.OK, 1, null, who + " for " + context.request().path());
            return Optional.of(account.get().asOpsUser());
        } catch (IOException e) {
            LOG.warn("Audit sign-in: the users file cannot be read: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            Arrays.fill(password, ' ');
        }
    }
}
