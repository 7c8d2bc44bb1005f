package vn.lienthong.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.transport.AxisSender;
import vn.lienthong.transport.FilePermissions;
import vn.lienthong.transport.InboundHold;
import vn.lienthong.transport.InboundIntake;
import vn.lienthong.transport.InboxPoller;
import vn.lienthong.transport.OutboundIntake;
import vn.lienthong.transport.OutboxIntakeQueue;
import vn.lienthong.transport.RefusedFolder;
import vn.lienthong.transport.SignatureGate;
import vn.lienthong.validation.EnvelopeValidator;

/**
 * The flows' beans between the DMS side and the axis: validation and signature checks, outbound and inbound intake,
 * sending to the axis and polling it, and the hold on received packages that were not passed on.
 */
record TransportAssembly(AxisClient axis, AxisReachability reachability, OutboundIntake outboundIntake,
                         InboundIntake inboundIntake, CamelQueueSender queues, InboundHold hold,
                         ExecutorService inboxFetchers) {

    static TransportAssembly assemble(Wiring wiring, StorageAssembly storage, BrokerAssembly broker,
                                      MetricsAssembly observed) throws Exception {
        ConnectorSettings settings = wiring.settings();
        EnvelopeValidator validator = new EnvelopeValidator(wiring.validation(),
                DataDirectory.folder(wiring.data(), "spool"));
        SignatureSettings signatureSettings = SignatureSettings.from(wiring.properties(), wiring.data());
        if (signatureSettings.trustStore().startsWith(wiring.data())) {
            FilePermissions.ownerOnlyFolder(signatureSettings.trustStore()); // the default place, empty until anchors are installed
        }
        DocumentVerifier verifier = DocumentVerifier.create(signatureSettings, wiring.validation().limits(),
                wiring.data().resolve("spool"), wiring.clock());
        SignatureGate outgoingSignatures = new SignatureGate(verifier, signatureSettings.policy(), storage.log(),
                settings.errorFolder(), wiring.data().resolve("quarantine/outbound"));
        SignatureGate incomingSignatures = new SignatureGate(verifier, signatureSettings.policy(), storage.log());

        OutboundIntake outboundIntake = new OutboundIntake(validator, storage.store(), storage.tracker(), storage.log(),
                RefusedFolder.forDms(settings.errorFolder()), outgoingSignatures, observed.signer(),
                wiring.maxEnvelopeBytes(), wiring.clock(), observed.metrics());
        wiring.bind("outboundIntake", outboundIntake);
        wiring.bind("outboxIntakeQueue", new OutboxIntakeQueue(outboundIntake, storage.store(),
                new OwnSessionQueue(broker.connectionFactory(), outboundIntake)));
        AxisClient axis = new AxisClient(settings.axis(), wiring.clock(), observed.metrics());
        wiring.bind("axisSender", new AxisSender(axis, storage.store(), storage.tracker(), storage.marks(), storage.log(),
                wiring.maxDeliveryAttempts(), wiring.clock(), observed.metrics()));
        AxisReachability reachability = observed.reachability();
        wiring.bind("inboxPoller", new InboxPoller(axis, storage.store(), storage.log(), reachability, observed.metrics(),
                positive(wiring, "lienthong.axis.max-per-poll", InboxPoller.DEFAULT_MAX_PER_POLL),
                new InboxPoller.Pacing(Duration.ofMillis(positive(wiring, "lienthong.axis.poll-interval-ms", 5000)),
                        Duration.ofMillis(Long.parseLong(wiring.property("lienthong.axis.busy-window-ms", "30000"))))));
        // The threads the inbox poll fetches packages on (routes/inbound.camel.yaml); a poll takes at most
        // max-per-poll packages, so the queue of waiting fetches is bounded too. Shut down when the connector closes.
        ExecutorService inboxFetchers = Executors.newFixedThreadPool(
                positive(wiring, "lienthong.axis.fetchers", DEFAULT_FETCHERS), named("lienthong-axis-fetch-"));
        wiring.bind("inboxFetchers", inboxFetchers);
        InboundIntake inboundIntake = new InboundIntake(validator, storage.store(), storage.tracker(), storage.findings(),
                storage.log(), incomingSignatures, settings.ourAgencies(wiring.clients()), wiring.clock(),
                observed.metrics());
        wiring.bind("inboundIntake", inboundIntake);
        CamelQueueSender queues = new CamelQueueSender(wiring.main(), outboundIntake, inboundIntake);
        InboundHold hold = new InboundHold(storage.tracker(), storage.findings(), storage.log(), storage.store(), queues);
        return new TransportAssembly(axis, reachability, outboundIntake, inboundIntake, queues, hold, inboxFetchers);
    }

    /** lienthong.axis.fetchers when none is given (docs/operating.md, "Polling the axis", says how it was chosen). */
    static final int DEFAULT_FETCHERS = 4;

    /**
     * lienthong.intake.consumers: the consumers of the intake queue, which check outbox files (validation, signatures,
     * signing); when not set, one per processor, as checking is work for the processor alone.
     */
    static int intakeConsumers(java.util.Properties properties) {
        String value = properties.getProperty("lienthong.intake.consumers", "").strip();
        return value.isEmpty() ? Runtime.getRuntime().availableProcessors()
                : positive("lienthong.intake.consumers", value);
    }

    private static int positive(Wiring wiring, String key, int fallback) {
        return positive(key, wiring.property(key, Integer.toString(fallback)));
    }

    private static int positive(String key, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of at least 1, not '" + value + "'");
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
