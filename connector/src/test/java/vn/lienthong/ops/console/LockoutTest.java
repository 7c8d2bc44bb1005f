package vn.lienthong.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.lienthong.testing.SteppedClock;

class LockoutTest {

    /** A clock the test moves by hand. */
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-05T01:00:00Z"));
    private final Lockout lockout = new Lockout(3, Duration.ofMinutes(15), clock);

    @Test
    void the_third_failure_in_a_row_locks_the_name_for_the_configured_time_and_then_it_may_try_again() {
        assertThat(lockout.failed("lan")).isNull();
        assertThat(lockout.failed("lan")).isNull();
        assertThat(lockout.failed("lan")).isEqualTo(Instant.parse("2026-12-05T01:15:00Z"));
        assertThat(lockout.lockedUntil("lan")).isEqualTo(Instant.parse("2026-12-05T01:15:00Z"));
        assertThat(lockout.lockedUntil("minh")).as("another name is not locked").isNull();

        clock.advance(Duration.ofMinutes(14));
        assertThat(lockout.lockedUntil("lan")).isNotNull();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(lockout.lockedUntil("lan")).isNull();
        assertThat(lockout.failed("lan")).as("the count starts again after a lock").isNull();
    }

    @Test
    void a_success_clears_the_failures_before_it() {
        lockout.failed("lan");
        lockout.failed("lan");
        lockout.succeeded("lan");
        assertThat(lockout.failed("lan")).isNull();
        assertThat(lockout.failed("lan")).isNull();
        assertThat(lockout.lockedUntil("lan")).isNull();
    }
}
