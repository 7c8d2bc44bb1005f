package vn.lienthong.simulator;

import com.sun.net.httpserver.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import vn.lienthong.axis.AxisSignature;
import vn.lienthong.axis.AxisTimestamp;

/**
 * Checks every call as the axis does: the HMAC over the sign-header, each signed member against its wire header,
 * and the freshness of the timestamp (a replayed request is refused). Reasons name headers, never their values
 * and never a secret.
 */
final class RequestAuthenticator {

    /** The outcome of checking one request. */
    sealed interface Authentication {

        record Accepted(Caller caller) implements Authentication {
        }

        record Refused(String reason) implements Authentication {
        }
    }

    private final Registry registry;
    private final Duration tolerance;
    private final Clock clock;

    RequestAuthenticator(Registry registry, Duration tolerance, Clock clock) {
        this.registry = registry;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    Authentication authenticate(Headers headers) {
        AxisSignature.Verdict verdict = AxisSignature.verify(WireHeaders.lookup(headers), registry::secretOf);
        if (verdict instanceof AxisSignature.Verdict.Invalid invalid) {
            return new Authentication.Refused(invalid.reason());
        }
        AxisSignature.Verdict.Valid valid = (AxisSignature.Verdict.Valid) verdict;
        Caller caller = new Caller(valid.systemId(), valid.headers());
        String timestamp = caller.header("timestamp").orElse(null);
        if (timestamp == null) {
            return new Authentication.Refused("timestamp is not among the signed headers");
        }
        Optional<LocalDateTime> sent = AxisTimestamp.parse(timestamp);
        if (sent.isEmpty()) {
            return new Authentication.Refused("timestamp is not of the form ddMMyyyy'T'HHmmss+SSSS");
        }
        Instant sentAt = sent.get().atZone(AxisTimestamp.VIETNAM).toInstant();
        Duration skew = Duration.between(sentAt, clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            return new Authentication.Refused("timestamp is " + skew.toSeconds() + " s away from the axis clock"
                    + " (Vietnam time); at most " + tolerance.toSeconds() + " s is accepted");
        }
        return new Authentication.Accepted(caller);
    }
}
