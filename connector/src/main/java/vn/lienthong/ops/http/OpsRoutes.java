package vn.lienthong.ops.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.ops.http.OpsUser.Role;

/**
 * The operations API's routes on the management server, under {@code /ops/v1/}. Every route is authenticated by
 * {@link OpsAccess} (401 without an acceptable credential) and needs one role (403 without it); handlers run off the
 * event loop, and what they throw is answered 500 INTERNAL_ERROR in one log line, never a stack trace to the caller.
 */
public final class OpsRoutes {

    public static final String BASE = "/ops/v1";
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private static final int BODY_LIMIT = 64 * 1024;

    /** A route that writes its own answer (a streamed one); it must end the response. */
    @FunctionalInterface
    public interface Writer {
        void write(RoutingContext context, OpsUser user) throws Exception;
    }

    private final Router router;
    private final OpsAccess access;

    private OpsRoutes(Router router, OpsAccess access) {
        this.router = router;
        this.access = access;
    }

    /** Mounts every resource on {@code router} (the management server's), each call authenticated by {@code access}. */
    public static void mount(Router router, OpsAccess access, List<? extends OpsResource> resources) {
        OpsRoutes routes = new OpsRoutes(router, access);
        router.route(HttpMethod.POST, BASE + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        for (OpsResource resource : resources) {
            resource.mount(routes);
        }
    }

    /** {@code path} is below {@link #BASE}, with Vert.x path parameters ({@code /inbound/:key}). */
    public void get(String path, Role role, OpsAnswer.Handler handler) {
        route(HttpMethod.GET, path, role, handler);
    }

    public void post(String path, Role role, OpsAnswer.Handler handler) {
        route(HttpMethod.POST, path, role, handler);
    }

    public void route(HttpMethod method, String path, Role role, OpsAnswer.Handler handler) {
        write(method, path, role, (context, user) -> handler.handle(context, user).send(context));
    }

    /** A route that writes its own response, such as one streamed without a row cap. */
    public void write(HttpMethod method, String path, Role role, Writer writer) {
        router.route(method, BASE + path).blockingHandler(context -> {
            Optional<OpsUser> user = access.authenticate(context);
            if (user.isEmpty()) {
                OpsAnswer.error(401, "UNAUTHENTICATED",
                        "Thiếu mã vận hành hoặc mã không đúng (tệp ops-token trong thư mục dữ liệu của bộ kết nối),"
                                + " hoặc chưa đăng nhập.",
                        "The operations token is missing or wrong (the ops-token file in the connector's data directory),"
                                + " or no one is signed in.").send(context);
                return;
            }
            if (!user.get().may(role)) {
                OpsAnswer.error(403, "FORBIDDEN", "Người dùng này không có quyền " + role.name().toLowerCase() + ".",
                        "This user does not have the " + role.name().toLowerCase() + " role.").send(context);
                return;
            }
            try {
                writer.write(context, user.get());
            } catch (Exception e) {
                LOG.warn("Operations API {} {} failed: {}", context.request().method(), context.request().path(), e.toString());
                if (!context.response().headWritten()) {
                    OpsAnswer.error(500, "INTERNAL_ERROR", "Lỗi nội bộ của bộ kết nối; xem nhật ký của bộ kết nối.",
                            "Internal error of the connector; see the connector's log.").send(context);
                } else if (!context.response().ended()) {
                    context.response().reset(); // a streamed answer cut short must not look complete
                }
            }
        }, false);
    }
}
