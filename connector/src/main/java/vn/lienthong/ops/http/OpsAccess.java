package vn.lienthong.ops.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** Says who presents a request to the operations API; empty when no one acceptable does. */
@FunctionalInterface
public interface OpsAccess {

    Optional<OpsUser> authenticate(RoutingContext context);

    /** The first of {@code accesses} that accepts the request decides who presents it. */
    static OpsAccess anyOf(OpsAccess... accesses) {
        List<OpsAccess> all = List.of(accesses);
        return context -> all.stream().map(access -> access.authenticate(context)).flatMap(Optional::stream).findFirst();
    }
}
