package vn.lienthong.ops.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import vn.lienthong.audit.AuditExport;
import vn.lienthong.audit.AuditProblem;
import vn.lienthong.audit.ExportFilter;
import vn.lienthong.ops.http.OpsUser.Role;

/**
 * The transmission log for auditors:
 * <pre>
 *   GET /ops/v1/audit/export?from&amp;to&amp;agency&amp;direction&amp;state&amp;format=jsonl|csv
 * </pre>
 * streamed as it is read (lienthong-audit/1 JSON lines, or CSV), with no row cap, while the connector works: the
 * export reads a page at a time in short reads and never holds the log's head. Needs the AUDITOR role.
 */
public final class AuditResource implements OpsResource {

    private final AuditExport export;

    public AuditResource(AuditExport export) {
        this.export = export;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.write(HttpMethod.GET, "/audit/export", Role.AUDITOR, this::export);
    }

    private void export(RoutingContext context, OpsUser user) throws Exception {
        ExportFilter filter;
        String format = param(context, "format", "jsonl").toLowerCase(Locale.ROOT);
        try {
            filter = ExportFilter.parse(param(context, "from", null), param(context, "to", null),
                    param(context, "agency", null), param(context, "direction", null), param(context, "state", null));
            if (!format.equals("jsonl") && !format.equals("csv")) {
                throw new IllegalArgumentException("Định dạng phải là jsonl hoặc csv / The format must be jsonl or csv");
            }
        } catch (IllegalArgumentException bad) {
            String[] parts = bad.getMessage().split(" / ", 2);
            OpsAnswer.error(400, "INVALID_FILTER", parts[0], parts.length > 1 ? parts[1] : parts[0]).send(context);
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", format.equals("csv") ? "text/csv; charset=utf-8"
                        : "application/x-ndjson; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        ChunkedWriter out = new ChunkedWriter(response);
        try {
            if (format.equals("csv")) {
                export.writeCsv(filter, out);
            } else {
                export.writeJsonLines(filter, null, out);
            }
        } catch (AuditProblem nothing) {
            response.setChunked(false);
            OpsAnswer.error(404, nothing.code(), nothing.vietnamese(), nothing.english()).send(context);
            return;
        }
        out.flush();
        response.end();
    }

    private static String param(RoutingContext context, String name, String otherwise) {
        String value = context.request().getParam(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
