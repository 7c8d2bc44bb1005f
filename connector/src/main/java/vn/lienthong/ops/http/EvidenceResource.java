package vn.lienthong.ops.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import vn.lienthong.audit.AuditProblem;
import vn.lienthong.audit.EvidenceBundle;
import vn.lienthong.ops.http.OpsUser.Role;

/**
 * One document's evidence bundle for an auditor (see docs/auditing.md, "Evidence bundles"):
 * <pre>
 *   GET /ops/v1/audit/evidence/{key}
 *       200 the ZIP (application/vnd.etsi.asic-e+zip), streamed, the envelope never whole in memory
 *       404 UNKNOWN_DOCUMENT, or ENVELOPE_NOT_STORED when the store no longer has the envelope
 *       409 NOT_YET_ANCHORED: no signed, time-stamped head covers the document's last entry yet
 * </pre>
 * Everything is read and checked before the first byte goes out, so an error is a plain JSON answer; a failure after
 * that (the stored envelope no longer has its hash) cuts the response, which then cannot pass for a whole bundle.
 */
public final class EvidenceResource implements OpsResource {

    private final EvidenceBundle bundles;

    public EvidenceResource(EvidenceBundle bundles) {
        this.bundles = bundles;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.write(HttpMethod.GET, "/audit/evidence/:key", Role.AUDITOR, this::evidence);
    }

    private void evidence(RoutingContext context, OpsUser user) throws Exception {
        String key = context.pathParam("key");
        EvidenceBundle.Prepared prepared;
        try {
            prepared = bundles.prepare(key);
        } catch (AuditProblem problem) {
            int status = switch (problem.code()) {
                case "UNKNOWN_DOCUMENT", "ENVELOPE_NOT_STORED" -> 404;
                default -> 409;
            };
            OpsAnswer.error(status, problem.code(), problem.vietnamese(), problem.english()).send(context);
            return;
        }
        context.response().setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "application/vnd.etsi.asic-e+zip")
                .putHeader("Content-Disposition", "attachment; filename=\"evidence-" + prepared.documentKey() + ".zip\"")
                .putHeader("Cache-Control", "no-store");
        try (OutputStream out = new ResponseOutputStream(context.response())) {
            prepared.writeTo(out);
        }
        context.response().end();
    }
}
