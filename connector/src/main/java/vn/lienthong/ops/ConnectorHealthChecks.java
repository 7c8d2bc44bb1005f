package vn.lienthong.ops;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import vn.lienthong.audit.Anchoring;

/**
 * The connector's own readiness checks, next to Camel's route and consumer checks at /health: the broker, the
 * tracking database, and whether the axis answers. Each says why when it is down.
 */
public final class ConnectorHealthChecks {

    private ConnectorHealthChecks() {
    }

    public static List<HealthCheck> of(BooleanSupplier brokerActive, DataSource trackingDatabase, AxisReachability axis,
                                       Supplier<Map<String, Long>> heldInbound, Supplier<Anchoring.Standing> anchoring) {
        return List.of(new BrokerCheck(brokerActive), new DatabaseCheck(trackingDatabase), new AxisCheck(axis),
                new HeldInboundCheck(heldInbound), new AnchoringCheck(anchoring));
    }

    /**
     * How far the transmission log is anchored, and the gap when the time-stamping authority cannot be reached: how
     * many signed heads wait for their time stamp, since when, and why. Always UP: the entries are kept and the
     * heads are stamped when the authority answers; the details are for whoever watches.
     */
    private static final class AnchoringCheck extends AbstractHealthCheck {
        private final Supplier<Anchoring.Standing> standing;

        AnchoringCheck(Supplier<Anchoring.Standing> standing) {
            super("lienthong", "log-anchoring");
            this.standing = standing;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Anchoring.Standing now = standing.get();
            builder.up();
            builder.detail("enabled", now.enabled());
            now.anchors().latestStamped().ifPresent(anchor -> {
                builder.detail("anchored.entries", anchor.head().size());
                builder.detail("anchored.at", String.valueOf(anchor.stampedAt()));
            });
            builder.detail("waiting.anchors", now.anchors().waiting());
            now.anchors().oldestWaitingSince().ifPresent(since -> builder.detail("waiting.since", since.toString()));
            now.anchors().lastError().ifPresent(error -> builder.detail("waiting.reason", error));
            builder.detail("unanchored.entries", now.unanchoredEntries());
            if (!now.enabled()) {
                builder.message("the transmission log is not anchored: " + now.why());
            } else if (now.anchors().waiting() > 0) {
                builder.message(now.anchors().waiting() + " signed head(s) wait for a time stamp since "
                        + now.anchors().oldestWaitingSince().map(Object::toString).orElse("?") + ": "
                        + now.anchors().lastError().orElse("not yet asked"));
            } else {
                builder.message("the transmission log is anchored up to entry " + now.anchors().latestStamped()
                        .map(anchor -> anchor.head().size()).orElse(0L) + "; " + now.unanchoredEntries()
                        + " entries since");
            }
        }
    }

    /**
     * How many packages from the axis the connector holds for an operator, per state. Always UP: a held package is
     * safe and visible, not a fault of the connector; the counts are for whoever watches.
     */
    private static final class HeldInboundCheck extends AbstractHealthCheck {
        private final Supplier<Map<String, Long>> counts;

        HeldInboundCheck(Supplier<Map<String, Long>> counts) {
            super("lienthong", "held-inbound");
            this.counts = counts;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Map<String, Long> held = counts.get();
            held.forEach(builder::detail);
            long refused = held.getOrDefault("refused", 0L);
            long quarantined = held.getOrDefault("quarantined", 0L);
            builder.message((refused + quarantined) + " inbound package(s) held for an operator: " + refused
                    + " refused, " + quarantined + " quarantined (inbound list)");
            builder.up();
        }
    }

    private static final class BrokerCheck extends AbstractHealthCheck {
        private final BooleanSupplier active;

        BrokerCheck(BooleanSupplier active) {
            super("lienthong", "broker");
            this.active = active;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            if (active.getAsBoolean()) {
                builder.up();
            } else {
                builder.down().message("the message broker is not active");
            }
        }
    }

    private static final class DatabaseCheck extends AbstractHealthCheck {
        private final DataSource dataSource;

        DatabaseCheck(DataSource dataSource) {
            super("lienthong", "tracking-database");
            this.dataSource = dataSource;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    builder.up();
                } else {
                    builder.down().message("the tracking database does not answer");
                }
            } catch (Exception e) {
                builder.down().message("the tracking database cannot be reached: " + e.getMessage());
            }
        }
    }

    private static final class AxisCheck extends AbstractHealthCheck {
        private final AxisReachability axis;

        AxisCheck(AxisReachability axis) {
            super("lienthong", "axis");
            this.axis = axis;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            AxisReachability.State state = axis.state();
            if (state.lastAnswer() != null) {
                builder.detail("last.answer", state.lastAnswer().toString());
            }
            if (state.reachable()) {
                builder.up();
            } else {
                builder.down()
                        .detail("failing.since", state.failingSince().toString())
                        .message("the axis does not answer: " + state.lastFailure());
            }
        }
    }
}
