package vn.lienthong.ops.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Says who presents a request to the operations API; empty when no one acceptable does. */
@FunctionalInterface
public interface OpsAccess {

    Optional<OpsUser> authenticate(RoutingContext context);
}
