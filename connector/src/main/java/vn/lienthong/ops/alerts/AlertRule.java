package vn.lienthong.ops.alerts;

import java.time.Instant;
import java.util.List;

/** One rule of {@code lienthong.alerts.*}: what is wrong now, if anything. */
public interface AlertRule {

    String id();

    /** The conditions found at {@code now}; empty when all is well. May throw when it cannot tell. */
    List<Breach> check(Instant now) throws Exception;
}
