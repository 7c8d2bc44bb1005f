package vn.lienthong.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.tracking.AlertRecords;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.testing.SteppedClock;

/** The engine over a real tracking database: raised once, resolved once, nothing lost when a channel fails. */
class AlertEngineTest {

    private static final Duration RESOLVE_AFTER = Duration.ofMinutes(5);

    @TempDir
    Path root;

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-05T01:00:00Z"));
    private final SwitchRule rule = new SwitchRule();
    private final RecordingChannel channel = new RecordingChannel();
    private TrackingDatabase database;
    private TransmissionLog log;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(root.resolve("db"));
        log = new TransmissionLog(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AlertEngine engine() {
        return new AlertEngine(List.of(rule), List.of(channel), new AlertRecords(database), log, RESOLVE_AFTER,
                "vpcp.demo", clock);
    }

    @Test
    void a_condition_that_lasts_is_raised_once_and_announced_once() {
        AlertEngine engine = engine();
        rule.on = true;
        for (int i = 0; i < 5; i++) {
            engine.check();
            clock.advance(Duration.ofSeconds(30));
        }

        assertThat(channel.received).hasSize(1);
        AlertNotice notice = channel.received.get(0);
        assertThat(notice.kind()).isEqualTo(AlertNotice.Kind.RAISED);
        assertThat(notice.subject()).isEqualTo("[LienThong vpcp.demo] CẢNH BÁO / ALERT: axis-unreachable");
        assertThat(notice.text()).contains("Trục liên thông không trả lời").contains("The axis does not answer");
        assertThat(steps()).containsExactly(AlertEngine.RAISED_STEP);
    }

    @Test
    void a_condition_that_comes_and_goes_is_one_alert_resolved_once_after_it_stayed_away() {
        AlertEngine engine = engine();
        for (boolean on : new boolean[] {true, false, true, false, true, false}) {
            rule.on = on;
            engine.check();
            clock.advance(Duration.ofMinutes(1)); // back within RESOLVE_AFTER every time
        }
        assertThat(channel.kinds()).containsExactly(AlertNotice.Kind.RAISED);

        for (int i = 0; i < 10; i++) { // clear for 10 minutes
            engine.check();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(channel.kinds()).containsExactly(AlertNotice.Kind.RAISED, AlertNotice.Kind.RESOLVED);
        assertThat(channel.received.get(1).subject()).contains("ĐÃ HẾT / RESOLVED");
        assertThat(steps()).containsExactly(AlertEngine.RAISED_STEP, AlertEngine.RESOLVED_STEP);
    }

    @Test
    void a_notice_the_channel_refused_is_delivered_at_a_later_check_and_only_once() {
        AlertEngine engine = engine();
        rule.on = true;
        channel.down = true;
        engine.check();
        engine.check();
        assertThat(channel.received).isEmpty();

        channel.down = false;
        engine.check();
        engine.check();

        assertThat(channel.kinds()).containsExactly(AlertNotice.Kind.RAISED);
        assertThat(channel.refused).isEqualTo(2);
    }

    @Test
    void after_a_restart_an_open_alert_is_not_raised_again_and_still_resolves_once() {
        rule.on = true;
        engine().check();

        AlertEngine restarted = engine();
        restarted.check();
        assertThat(channel.kinds()).containsExactly(AlertNotice.Kind.RAISED);

        rule.on = false;
        restarted.check();
        clock.advance(RESOLVE_AFTER);
        restarted.check();
        restarted.check();
        assertThat(channel.kinds()).containsExactly(AlertNotice.Kind.RAISED, AlertNotice.Kind.RESOLVED);
    }

    @Test
    void a_rule_that_cannot_be_checked_resolves_nothing() {
        AlertEngine engine = engine();
        rule.on = true;
        engine.check();
        rule.broken = true;
        for (int i = 0; i < 3; i++) {
            clock.advance(RESOLVE_AFTER);
            engine.check();
        }

        assertThat(channel.kinds()).containsExactly(AlertNotice.Kind.RAISED);
        assertThat(new AlertRecords(database).open()).hasSize(1);
    }

    private List<String> steps() {
        return log.all(1, 100).stream().map(LogEvent::step).toList();
    }

    private static final class SwitchRule implements AlertRule {
        volatile boolean on;
        volatile boolean broken;

        @Override
        public String id() {
            return "axis-unreachable";
        }

        @Override
        public List<Breach> check(Instant now) throws IOException {
            if (broken) {
                throw new IOException("the source of this rule is gone");
            }
            return on ? List.of(new Breach(id(), id(), Breach.Severity.CRITICAL, "Trục liên thông không trả lời.",
                    "The axis does not answer.")) : List.of();
        }
    }

    private static final class RecordingChannel implements AlertChannel {
        final List<AlertNotice> received = new ArrayList<>();
        boolean down;
        int refused;

        @Override
        public String name() {
            return "mail";
        }

        @Override
        public void send(AlertNotice notice) throws IOException {
            if (down) {
                refused++;
                throw new IOException("the mail server is down");
            }
            received.add(notice);
        }

        List<AlertNotice.Kind> kinds() {
            return received.stream().map(AlertNotice::kind).toList();
        }
    }
}
