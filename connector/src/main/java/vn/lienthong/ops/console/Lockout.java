package vn.lienthong.ops.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per user name: after {@code failures} in a row the name is locked for {@code duration}, whatever
 * password is tried meanwhile. A success clears the count. Names that do not exist are counted too, so the answer
 * never tells whether a user exists. Kept in memory: a restart clears it.
 */
public final class Lockout {

    private static final int TRACKED_NAMES = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final int failures;
    private final Duration duration;
    private final Clock clock;
    private final Map<String, Failures> byName = new ConcurrentHashMap<>();

    /** The lockout the console settings describe; one instance is shared by every way of signing in. */
    public static Lockout of(ConsoleSettings settings, Clock clock) {
        return new Lockout(settings.lockoutFailures(), settings.lockout(), clock);
    }

    Lockout(int failures, Duration duration, Clock clock) {
        this.failures = failures;
        this.duration = duration;
        this.clock = clock;
    }

    /** When the name is locked, until when; null when it may try. */
    Instant lockedUntil(String name) {
        Failures known = byName.get(name);
        if (known == null || known.lockedUntil() == null) {
            return null;
        }
        if (known.lockedUntil().isAfter(clock.instant())) {
            return known.lockedUntil();
        }
        byName.remove(name, known);
        return null;
    }

    /** Counts a wrong password; answers the lock's end when this failure locked the name, else null. */
    Instant failed(String name) {
        if (byName.size() >= TRACKED_NAMES) {
            byName.values().removeIf(entry -> entry.lockedUntil() == null);
        }
        Failures now = byName.merge(name, new Failures(1, null), (was, one) -> new Failures(was.count() + 1, null));
        if (now.count() >= failures) {
            Instant until = clock.instant().plus(duration);
            byName.put(name, new Failures(now.count(), until));
            return until;
        }
        return null;
    }

    void succeeded(String name) {
        byName.remove(name);
    }
}
