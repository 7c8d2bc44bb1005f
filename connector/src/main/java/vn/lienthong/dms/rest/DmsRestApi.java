package vn.lienthong.dms.rest;

import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.GatewayCode;
import vn.lienthong.dms.Outcome;
import vn.lienthong.dms.StatusReport;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.DocumentStore;

/**
 * The REST interface of the DMS gateway, one method per operation of routes/dms-rest.camel.yaml. Each identifies
 * the client, reads what the request carries (bodies only after that, streamed to disk), calls the gateway, which
 * alone decides, and answers in JSON. Nothing unexpected reaches the client but one INTERNAL_ERROR; the details
 * go to the log, which names operations, clients and document keys, never content.
 */
public final class DmsRestApi {

    static final String OPENAPI_RESOURCE = "/lienthong/schemas/openapi/dms-api.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(DmsRestApi.class);

    /** Writes the response to one request. */
    @FunctionalInterface
    private interface Answer {
        void write(Message message) throws Exception;
    }

    /** Writes the response to one request of an identified client. */
    @FunctionalInterface
    private interface Operation {
        void answer(DmsClient client, Message message) throws Exception;
    }

    private final DmsGateway gateway;
    private final Callers callers;
    private final DocumentStore store;
    private final Submissions submissions;
    private final RestLimits limits;
    private final ClientSlots slots;

    /** {@code uploads} holds request bodies while they are handled; what a crash left there is removed now. */
    public DmsRestApi(DmsGateway gateway, ClientRegistry clients, DocumentStore store, Path uploads, RestLimits limits)
            throws IOException {
        this.gateway = gateway;
        this.callers = new Callers(clients);
        this.store = store;
        this.submissions = new Submissions(gateway, uploads, limits);
        this.limits = limits;
        this.slots = new ClientSlots(limits.maxRequestsPerClient());
    }

    /** POST /documents: an edXML envelope (application/xml) or metadata and files (multipart/form-data). */
    public void submit(Exchange exchange) {
        asClient(exchange, "submit", (client, message) -> {
            HttpServerRequest request = RequestBody.of(message);
            Outcome outcome = submissions.submit(client, request, request.getHeader("Content-Type"));
            LOG.info("REST submit by client {}: {}{}", client.id(), outcome.status(), outcome.key() == null ? "" : " " + outcome.key());
            Responses.outcome(message, outcome);
        });
    }

    /** GET /documents/{key}: state and per-recipient timeline. */
    public void document(Exchange exchange) {
        asClient(exchange, "document", (client, message) -> Responses.outcome(message, gateway.document(client, key(message))));
    }

    /** GET /documents/{key}/envelope: the stored edXML, streamed. */
    public void envelope(Exchange exchange) {
        asClient(exchange, "envelope", (client, message) -> {
            String key = key(message);
            Optional<TrackedDocument> readable = gateway.readable(client, key);
            if (readable.isEmpty()) {
                Responses.outcome(message, gateway.document(client, key)); // says whether unknown or not the client's
                return;
            }
            String value = readable.get().key().value();
            Responses.file(message, store.pathOf(value), "application/xml", value + ".edxml");
        });
    }

    /** POST /documents/{key}/status: a status 01..16 for a document the client's agency received. */
    public void reportStatus(Exchange exchange) {
        asClient(exchange, "status", (client, message) -> {
            String key = key(message);
            StatusReport report = RestJson.readBody(RequestBody.of(message), StatusReport.class, limits);
            Outcome outcome = gateway.reportStatus(client, key, report, Submissions.CHANNEL);
            LOG.info("REST status by client {} for {}: {}", client.id(), key, outcome.status());
            Responses.outcome(message, outcome);
        });
    }

    /** GET /inbox: what waits for a client that pulls. */
    public void inbox(Exchange exchange) {
        asClient(exchange, "inbox", (client, message) -> Responses.outcome(message, gateway.inbox(client)));
    }

    /** GET /held: what the connector holds for the client's agencies (refused or quarantined), with the reasons. */
    public void held(Exchange exchange) {
        asClient(exchange, "held", (client, message) -> Responses.outcome(message, gateway.held(client)));
    }

    /** POST /inbox/{key}/ack: the client has taken the document; it leaves the inbox. */
    public void acknowledge(Exchange exchange) {
        asClient(exchange, "ack", (client, message) -> {
            String key = key(message);
            Outcome outcome = gateway.acknowledge(client, key);
            LOG.info("REST ack by client {} for {}: {}", client.id(), key, outcome.status());
            if (outcome.status() == Outcome.Status.OK) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("key", key);
                body.put("acknowledged", true);
                Responses.json(message, 200, body);
            } else {
                Responses.outcome(message, outcome);
            }
        });
    }

    /** GET /openapi.yaml: the contract, open to anyone (it holds no secret), so vendors can generate clients. */
    public void openApi(Exchange exchange) {
        answer(exchange, "openapi", message -> {
            try (InputStream in = DmsRestApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
                if (in == null) {
                    throw new IOException(OPENAPI_RESOURCE + " is missing from the classpath");
                }
                Responses.bytes(message, 200, "application/yaml; charset=utf-8", in.readAllBytes());
            }
        });
    }

    /** Any other method or path under /api/v1: 404 pointing to the contract, no key needed. */
    public void noSuchOperation(Exchange exchange) {
        answer(exchange, "no-such-operation", message -> Responses.errors(message, 404, List.of(RestErrors.noSuchOperation(
                message.getHeader(Exchange.HTTP_METHOD, String.class) + " " + message.getHeader(Exchange.HTTP_PATH, String.class)))));
    }

    private void asClient(Exchange exchange, String operation, Operation answer) {
        answer(exchange, operation, message -> {
            Optional<DmsClient> client = callers.identify(message);
            if (client.isEmpty()) {
                LOG.info("REST {}: refused a caller without a valid API key or client certificate", operation);
                Responses.outcome(message, Outcome.failed(Outcome.Status.UNAUTHENTICATED, DmsError.of(GatewayCode.UNAUTHENTICATED)));
                return;
            }
            String id = client.get().id();
            if (!slots.tryTake(id)) {
                LOG.info("REST {} by client {}: refused, {} requests of the client already in progress", operation, id,
                        slots.perClient());
                Responses.tooManyRequests(message, RestErrors.tooManyRequests(slots.perClient(), RestLimits.RETRY_AFTER_SECONDS),
                        RestLimits.RETRY_AFTER_SECONDS);
                return;
            }
            try {
                answer.answer(client.get(), message);
            } finally {
                slots.give(id);
            }
        });
    }

    /**
     * Runs one answer so that whatever happens the client gets the one error shape. After a success, whatever of the
     * body was not read is drained, which keeps the connection usable. After a refusal of a request that came with a
     * body (unauthenticated, too large, too slow, too many), the connection is closed once the answer is sent: the
     * rest of a body the connector will not take is dropped only until then, not read to its end.
     */
    private static void answer(Exchange exchange, String operation, Answer answer) {
        Message message = exchange.getMessage();
        HttpServerRequest request = null;
        try {
            request = RequestBody.of(message);
            answer.write(message);
        } catch (BadRequest e) {
            LOG.info("REST {}: bad request ({} {})", operation, e.httpStatus(), e.getMessage());
            Responses.errorsOrInternal(message, e.httpStatus(), e.errors());
        } catch (Exception e) {
            LOG.error("REST {} failed", operation, e);
            Responses.internalError(message);
        } finally {
            if (request != null) {
                RequestBody.discardUnread(request);
                if (RequestBody.hasBody(request) && Responses.isRefusal(message)) {
                    Responses.closeAfterAnswer(request);
                }
            }
        }
    }

    private static String key(Message message) {
        String key = message.getHeader("key", String.class);
        return key == null ? "" : key.strip();
    }
}
