package vn.lienthong.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * A stand-in for one agency's DMS in the demo: it reads what the connector delivers to its inbox and answers
 * each document the way a clerk's software would — arrived (01), accepted into the register (03), completed (06)
 * — by dropping status notices into its outbox.
 */
final class DemoDms implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDms.class);
    private static final long STEP_MILLIS = 1100;
    private static final List<StatusCode> ANSWERS = List.of(StatusCode.ARRIVED, StatusCode.ACCEPTED, StatusCode.COMPLETED);

    private final DemoNetwork.Agency agency;
    private final ConnectorRuntime connector;
    private final DemoDocuments documents;
    private final Set<Path> answered = new HashSet<>();
    private final ScheduledExecutorService clerk = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-dms");
        thread.setDaemon(true);
        return thread;
    });

    DemoDms(DemoNetwork.Agency agency, ConnectorRuntime connector, DemoDocuments documents) {
        this.agency = agency;
        this.connector = connector;
        this.documents = documents;
    }

    void start() {
        clerk.scheduleWithFixedDelay(this::answerNewDocuments, 200, 300, TimeUnit.MILLISECONDS);
    }

    private void answerNewDocuments() {
        try (Stream<Path> files = Files.list(connector.settings().inbox())) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".edxml")).sorted().toList()) {
                if (answered.add(file)) {
                    answer(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The demo DMS of {} could not read its inbox: {}", agency.organId(), e.getMessage());
        }
    }

    private void answer(Path delivered) throws IOException {
        Path spool = Files.createTempDirectory("demo-dms-");
        try (ReadOutcome outcome = new EnvelopeReader(ReadLimits.DEFAULTS, spool).read(delivered)) {
            if (outcome.envelope().isEmpty() || !(outcome.envelope().get().header() instanceof EdocHeader edoc)) {
                return;
            }
            // A clerk acts one step at a time: the statuses carry timestamps a little over a second apart.
            for (int step = 0; step < ANSWERS.size(); step++) {
                StatusCode code = ANSWERS.get(step);
                Path target = connector.settings().outbox().resolve(
                        "status-" + code.code() + "-" + delivered.getFileName().toString().replace(".edxml", "") + ".edxml");
                clerk.schedule(() -> writeStatus(target, edoc, code), step * STEP_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void writeStatus(Path target, EdocHeader edoc, StatusCode code) {
        try {
            documents.writeStatus(target, agency.organization(), edoc.from().organId(), edoc.documentId(), code);
        } catch (IOException e) {
            LOG.warn("The demo DMS of {} could not write status {}: {}", agency.organId(), code.code(), e.getMessage());
        }
    }

    @Override
    public void close() {
        clerk.shutdownNow();
    }
}
