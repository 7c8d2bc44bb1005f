package vn.lienthong.ops.http;

/**
 * A part of the operations API (held packages, dead letters, queues…): adds its routes under {@code /ops/v1/}
 * through {@link OpsRoutes}, which authenticates each call and checks the role the route needs.
 */
public interface OpsResource {

    void mount(OpsRoutes routes);
}
