package vn.lienthong.ops.http;

import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.RecipientStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.tracking.DocumentSearch;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.transport.DocumentHistory;

/**
 * Every tracked document, with no row cap, what the {@code documents} command and a console read.
 * <pre>
 *   GET /ops/v1/documents?direction=&amp;state=&amp;agency=&amp;from=&amp;to=&amp;code=
 *       every match, newest first, streamed as JSON lines (application/x-ndjson) while the rows are read
 *   GET /ops/v1/documents?...&amp;size=50[&amp;after=CURSOR]
 *       one page as JSON {documents, next}: pass next as after for the following page (keyset, so pages stay
 *       stable while documents arrive)
 *   GET /ops/v1/documents/{key}
 *       one document: its record, each recipient's statuses, log events, validation findings, signature verdicts
 * </pre>
 * {@code from} and {@code to} are days (2026-12-04, Vietnam time, {@code to} included) or instants
 * (2026-12-04T02:00:00Z, {@code to} excluded); {@code code} matches part of the số/ký hiệu, ignoring case.
 */
public final class DocumentsResource implements OpsResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGE = 500;
    private static final int FILTER_LIMIT = 255;

    private final DocumentSearch search;
    private final DocumentHistory history;

    public DocumentsResource(DocumentSearch search, DocumentHistory history) {
        this.search = search;
        this.history = history;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.write(HttpMethod.GET, "/documents", Role.VIEWER, this::list);
        routes.get("/documents/:key", Role.VIEWER, this::show);
    }

    /** Bad input the caller is told about, in both languages. */
    private static final class BadFilter extends Exception {
        private final transient OpsAnswer answer;

        BadFilter(String name, String value, String expectedVi, String expectedEn) {
            super(name, null, false, false);
            this.answer = OpsAnswer.error(400, "INVALID_FILTER", "Bộ lọc " + name + "=" + OpsAnswer.shown(value)
                    + " không dùng được: cần " + expectedVi + ".", "The filter " + name + "=" + OpsAnswer.shown(value)
                    + " cannot be used: expected " + expectedEn + ".");
        }
    }

    private void list(RoutingContext context, OpsUser user) throws Exception {
        DocumentSearch.Filter filter;
        Integer size;
        Long after;
        try {
            filter = filter(context);
            size = number(context, "size", "một số từ 1 đến " + MAX_PAGE, "a number from 1 to " + MAX_PAGE)
                    .map(Long::intValue).orElse(null);
            if (size != null && (size < 1 || size > MAX_PAGE)) {
                throw new BadFilter("size", String.valueOf(size), "một số từ 1 đến " + MAX_PAGE, "a number from 1 to " + MAX_PAGE);
            }
            after = number(context, "after", "con trỏ next của trang trước", "the previous page's next cursor").orElse(null);
        } catch (BadFilter bad) {
            bad.answer.send(context);
            return;
        }
        if (size != null || after != null) {
            DocumentSearch.Page page = search.page(filter, after, size == null ? 50 : size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("documents", page.documents().stream().map(OpsViews::document).toList());
            body.put("next", page.next().map(String::valueOf).orElse(null));
            OpsAnswer.ok(body).send(context);
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "application/x-ndjson; charset=utf-8").putHeader("Cache-Control", "no-store");
        search.each(filter, document -> writeLine(response, JSON.writeValueAsString(OpsViews.document(document)) + "\n"));
        response.end();
    }

    private OpsAnswer show(RoutingContext context, OpsUser user) throws Exception {
        String key = context.pathParam("key");
        Optional<DocumentHistory.History> found = history.of(key);
        if (found.isEmpty()) {
            return OpsAnswer.error(404, "NOT_FOUND", "Không có văn bản nào mang mã " + OpsAnswer.shown(key) + ".",
                    "No document has the key " + OpsAnswer.shown(key) + ".");
        }
        DocumentHistory.History one = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document", OpsViews.document(one.document()));
        body.put("timeline", one.timeline().stream().map(RecipientStatus::view).toList());
        body.put("events", one.events().stream().map(OpsViews::event).toList());
        body.put("findings", one.findings().stream().map(RecordedFinding::view).toList());
        body.put("signatureReport", one.signatureReport());
        return OpsAnswer.ok(body);
    }

    /**
     * Writes one line, waiting while the client reads slower than the rows come: what is written waits in a bounded
     * queue, never the whole answer. A client that went away stops the search.
     */
    private static void writeLine(HttpServerResponse response, String line) throws IOException, InterruptedException {
        if (response.closed()) {
            throw new IOException("the client closed the stream");
        }
        response.write(line);
        if (response.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            response.drainHandler(ignored -> drained.countDown());
            while (response.writeQueueFull() && !drained.await(1, TimeUnit.SECONDS)) {
                if (response.closed()) {
                    throw new IOException("the client closed the stream");
                }
            }
        }
    }

    private static DocumentSearch.Filter filter(RoutingContext context) throws BadFilter {
        Direction direction = choice(context, "direction", Direction.class);
        DocumentState state = choice(context, "state", DocumentState.class);
        String agency = param(context, "agency");
        Instant from = time(context, "from", false);
        Instant to = time(context, "to", true);
        String code = param(context, "code");
        return new DocumentSearch.Filter(direction, state, agency, from, to, code);
    }

    private static String param(RoutingContext context, String name) throws BadFilter {
        String value = context.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > FILTER_LIMIT) {
            throw new BadFilter(name, value, "tối đa " + FILTER_LIMIT + " ký tự", "at most " + FILTER_LIMIT + " characters");
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(RoutingContext context, String name, Class<E> type) throws BadFilter {
        String value = param(context, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String choices = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            throw new BadFilter(name, value, "một trong " + choices, "one of " + choices);
        }
    }

    /** A day (Vietnam time; {@code to} includes it) or an instant. */
    private static Instant time(RoutingContext context, String name, boolean end) throws BadFilter {
        String value = param(context, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(AxisTimestamp.VIETNAM).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw new BadFilter(name, value, "một ngày (2026-12-04) hoặc một thời điểm (2026-12-04T02:00:00Z)",
                    "a day (2026-12-04) or an instant (2026-12-04T02:00:00Z)");
        }
    }

    private static Optional<Long> number(RoutingContext context, String name, String expectedVi, String expectedEn)
            throws BadFilter {
        String value = param(context, name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException notANumber) {
            throw new BadFilter(name, value, expectedVi, expectedEn);
        }
    }
}
