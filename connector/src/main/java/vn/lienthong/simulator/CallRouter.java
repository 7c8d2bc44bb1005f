package vn.lienthong.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import vn.lienthong.audit.stamp.LoopbackTsa;
import vn.lienthong.audit.stamp.TsaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here, in the order the axis would treat it: an injected error first (before anything is
 * done), then the exact path and method, then authentication, then the call itself; the added latency is
 * waited just before answering. One DEBUG line per call names the call, system, DocId and outcome, never a
 * header value, a secret or document content. The simulator's own control ({@code /simulator/…}) and its
 * time-stamping authority ({@code /tsa}) are not calls of the axis: they are handed over before any fault, so they
 * answer while the simulator plays dead.
 */
final class CallRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AxisSimulator.class);

    /** A call, the HTTP method it is reached by, and the keys every one of its answers carries. */
    record Route(String method, AnswerKeys keys, Call call) {
    }

    private final Map<String, Route> routes;
    private final RequestAuthenticator authenticator;
    private final FaultInjector faults;
    private final Counters counters;
    private final FaultControl control;
    private final TsaEndpoint tsa;

    CallRouter(Map<String, Route> routes, RequestAuthenticator authenticator, FaultInjector faults, Counters counters,
               FaultControl control, TsaEndpoint tsa) {
        this.control = control;
        this.tsa = tsa;
        this.routes = Map.copyOf(routes);
        this.authenticator = authenticator;
        this.faults = faults;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = normalised(exchange.getRequestURI().getPath());
        if (path.startsWith(FaultControl.PATH_PREFIX)) {
            control.handle(exchange);
            return;
        }
        if (path.equals(LoopbackTsa.PATH)) {
            tsa.handle(exchange);
            return;
        }
        Route route = routes.get(path);
        // Known before anything else, so that even an injected error or a refused signature has the call's keys.
        AnswerKeys keys = route == null ? AnswerKeys.STATUS_ONLY : route.keys();
        String systemId = "-";
        Answer answer = null;
        try {
            if (faults.unavailableNow()) {
                counters.injectedErrors.incrementAndGet();
                answer = Answer.fail(503, "Trục mô phỏng đang giả lập sự cố, mọi lời gọi bị trả 503 / injected outage:"
                        + " the simulator answers 503 to every call for a while").noted("injected outage");
            } else if (faults.failThisCall()) {
                counters.injectedErrors.incrementAndGet();
                answer = Answer.fail(503, "injected error: the simulator is set to fail a share of calls")
                        .noted("injected error");
            } else if (route == null) {
                answer = Answer.fail(404, "no such call: " + path);
            } else if (!route.method().equalsIgnoreCase(exchange.getRequestMethod())) {
                answer = Answer.fail(405, path + " is called with " + route.method());
            } else {
                RequestAuthenticator.Authentication authentication =
                        authenticator.authenticate(exchange.getRequestHeaders());
                if (authentication instanceof RequestAuthenticator.Authentication.Refused refused) {
                    counters.authenticationFailures.incrementAndGet();
                    // The verifier's reasons name headers and the system id, never a value or a secret.
                    answer = Answer.fail(401, refused.reason()).noted(refused.reason());
                } else {
                    Caller caller = ((RequestAuthenticator.Authentication.Accepted) authentication).caller();
                    systemId = caller.systemId();
                    answer = route.call().answer(caller, exchange);
                }
            }
            waitAddedLatency();
            answer.send(exchange, keys);
            LOG.debug("call={} system={} docId={} outcome={}", path, systemId, docIdOf(answer), answer.outcome());
        } catch (IOException e) {
            // The client went away or the outage cut the connection; nothing more can be told to it.
            LOG.debug("call={} system={} docId={} outcome=connection-lost", path, systemId, docIdOf(answer));
        } catch (RuntimeException e) {
            LOG.warn("call={} system={} docId={} outcome=unexpected {}", path, systemId, docIdOf(answer),
                    e.getClass().getName(), e);
            answerUnexpected(exchange, keys);
        } finally {
            exchange.close();
        }
    }

    private void waitAddedLatency() {
        Duration latency = faults.latency();
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            // The simulator is stopping; answer at once.
            Thread.currentThread().interrupt();
        }
    }

    /** Tries to say 500; fails quietly when the answer was already under way. */
    private static void answerUnexpected(HttpExchange exchange, AnswerKeys keys) {
        try {
            Answer.fail(500, "unexpected error in the simulator").send(exchange, keys);
        } catch (IOException | RuntimeException alreadyAnswering) {
            // Headers were already sent; the client sees a cut answer, which is what happened.
        }
    }

    /** An endpoint configured with a trailing slash gives {@code //sendEdoc}; it is the same call. */
    private static String normalised(String path) {
        String collapsed = path == null ? "/" : path.replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    private static String docIdOf(Answer answer) {
        return answer == null || answer.docId() == null ? "-" : answer.docId();
    }
}
