package vn.lienthong.dms.delivery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.Hop;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.DmsFolder;
import vn.lienthong.transport.DocumentStore;
import vn.lienthong.transport.FileNames;
import vn.lienthong.transport.FilePermissions;
import vn.lienthong.transport.QueuedStep;
import vn.lienthong.transport.Steps;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.FlowMetrics;
import java.time.Duration;

/**
 * Hands a received document (or status notice) to the DMS of each agency it is addressed to, the way each DMS
 * client chose: its folder ({@code out/}, or {@code status/} for status notices), a webhook, a JMS queue, or its
 * pull inbox. An agency no client is bound to gets the connector's configured folders. Each client's delivery is
 * idempotent, so a redelivered message never shows a client the same document twice, and each client has a delivery
 * queue of its own, so that one client's trouble delays no other's documents.
 *
 * <p>What validation found in a received document travels with it: in a folder as {@code NAME.findings.json}
 * beside the document (in place before the document appears), to webhooks and JMS as the list of codes, and in the
 * REST and SOAP views of the document in full.
 *
 * <p>A folder client's out/ and status/ must be real folders in its root: while one is a symbolic link (or anything
 * else), nothing is written there, the delivery fails, and the broker tries again later (then dead-letters it).
 */
public final class DmsDelivery {

    static final String DELIVERED_MARK = "delivered-to-dms";
    private static final Logger LOG = LoggerFactory.getLogger(DmsDelivery.class);

    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final DocumentFindings findings;
    private final TransmissionLog log;
    private final ProcessedMarks marks;
    private final FolderDelivery folders;
    private final FlowMetrics metrics;
    private final ClientRegistry clients;
    private final Map<Delivery.Mode, ClientDelivery> otherModes;
    private final Path documentsFolder;
    private final Path statusFolder;
    /** lienthong.queue.max-delivery-attempts: the attempt after which the broker dead-letters a delivery. */
    private final int maxAttempts;

    public DmsDelivery(DocumentStore store, DocumentTracker tracker, DocumentFindings findings, ProcessedMarks marks,
                       TransmissionLog log, ClientRegistry clients,
                       Map<Delivery.Mode, ClientDelivery> otherModes, Path documentsFolder, Path statusFolder,
                       int maxAttempts)
            throws java.io.IOException {
        this(store, tracker, findings, marks, log, clients, otherModes, documentsFolder, statusFolder, maxAttempts,
                FlowMetrics.NONE);
    }

    /** As above, each delivery counted and timed in {@code metrics}. */
    public DmsDelivery(DocumentStore store, DocumentTracker tracker, DocumentFindings findings, ProcessedMarks marks,
                       TransmissionLog log, ClientRegistry clients,
                       Map<Delivery.Mode, ClientDelivery> otherModes, Path documentsFolder, Path statusFolder,
                       int maxAttempts, FlowMetrics metrics) throws java.io.IOException {
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.store = store;
        this.tracker = tracker;
        this.findings = findings;
        this.log = log;
        this.marks = marks;
        this.folders = new FolderDelivery(marks);
        this.clients = clients;
        this.otherModes = Map.copyOf(otherModes);
        this.documentsFolder = documentsFolder;
        this.statusFolder = statusFolder;
        sweepFolders();
    }

    /**
     * Before the first delivery: creates the connector's own folders and removes from every folder a delivery writes
     * into what attempts of a killed process left (see {@link FolderDelivery#sweep}).
     */
    private void sweepFolders() throws java.io.IOException {
        for (Path own : List.of(documentsFolder, statusFolder)) {
            try (DmsFolder folder = DmsFolder.create(own)) {
                folders.sweep(folder, DELIVERED_MARK);
            }
        }
        for (DmsClient client : clients.all()) {
            if (client.delivery().mode() != Delivery.Mode.FOLDER || !java.nio.file.Files.isDirectory(client.delivery().folder())) {
                continue;
            }
            try (DmsFolder root = DmsFolder.open(client.delivery().folder())) {
                for (String sub : List.of("out", "status")) {
                    if (root.exists(sub)) {
                        try (DmsFolder folder = root.sub(sub, false)) {
                            folders.sweep(folder, markOf(client));
                        }
                    }
                }
            } catch (java.io.IOException | RuntimeException untidy) {
                // Tidying is not delivering: a client's folder that cannot be read now fails its deliveries, not the start.
                LOG.warn("Could not remove what earlier attempts left in the folder of DMS client {}: {}", client.id(),
                        untidy.getMessage());
            }
        }
    }

    /**
     * The ids of the DMS clients a received document (or status notice) goes to: each gets it from a delivery queue
     * of its own ({@code lienthong.delivery.<clientId>}, routes/inbound.camel.yaml), so that a client that is slow,
     * stalled or failing holds up no other. A document for agencies no client is bound to goes into the connector's
     * configured folders here and now, and no id is returned.
     */
    public List<String> clientsOf(String key) throws Exception {
        TrackedDocument document = taken(key);
        List<DmsClient> receivers = receivers(document);
        if (receivers.isEmpty()) {
            boolean status = "status".equals(document.messageType());
            String name;
            long begun = System.nanoTime();
            try (DmsFolder folder = DmsFolder.create(status ? statusFolder : documentsFolder)) {
                name = deliverToFolder(folder, document, DELIVERED_MARK, findings.of(document.key()));
            } catch (Exception e) {
                metrics.stage(Direction.INBOUND, "delivery", "failed", Duration.ofNanos(System.nanoTime() - begun));
                throw e;
            }
            metrics.stage(Direction.INBOUND, "delivery", "ok", Duration.ofNanos(System.nanoTime() - begun));
            delivered(document, name);
            return List.of();
        }
        return receivers.stream().map(DmsClient::id).toList();
    }

    /** As {@link #clientsOf(String)}, on its {@code deliveryCount}-th attempt: the last one records the dead letter. */
    public List<String> clientsOf(String key, Integer deliveryCount) throws Exception {
        try {
            return clientsOf(key);
        } catch (Exception e) {
            gaveUpIfLast(key, deliveryCount, "delivery to the DMS folders", e);
            throw e;
        }
    }

    /** As {@link #deliverTo(String, String)}, on its {@code deliveryCount}-th attempt: the last one records the dead letter. */
    public void deliverTo(String key, String clientId, Integer deliveryCount) throws Exception {
        try {
            deliverTo(key, clientId);
        } catch (Exception e) {
            gaveUpIfLast(key, deliveryCount, "delivery to DMS client " + clientId, e);
            throw e;
        }
    }

    /**
     * After the last attempt the broker moves the message to the dead-letter queue without telling anyone: the document
     * is recorded DEAD_LETTERED with why, so its state says so and an operator's retry moves it back to QUEUED.
     */
    private void gaveUpIfLast(String key, Integer deliveryCount, String what, Exception failure) {
        int attempt = deliveryCount == null ? 1 : deliveryCount;
        if (attempt < maxAttempts) {
            return;
        }
        String reason = what + " gave up after " + attempt + " attempts; last: " + failure.getMessage();
        try {
            DocumentKey documentKey = new DocumentKey(key);
            boolean moved = log.advanceAndAppend(documentKey, DocumentState.DEAD_LETTERED, reason, Steps.DEAD_LETTERED,
                    Steps.REFUSED, attempt, null, reason);
            if (moved) {
                LOG.warn("Dead-lettered {}: {}", key, reason);
            }
        } catch (RuntimeException recordingFailed) {
            failure.addSuppressed(recordingFailed); // the delivery's own failure is what the broker must see
        }
    }

    /**
     * Hands the document to one client, idempotently; once every client it is for has it, the document is
     * delivered. Throwing rolls back only this client's delivery message: the broker retries it, then dead-letters.
     */
    public void deliverTo(String key, String clientId) throws Exception {
        long begun = System.nanoTime();
        String outcome = "failed";
        try {
            deliverOnce(key, clientId);
            outcome = "ok";
        } finally {
            metrics.stage(Direction.INBOUND, "delivery", outcome, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private void deliverOnce(String key, String clientId) throws Exception {
        TrackedDocument document = taken(key);
        DmsClient client = clients.byId(clientId).orElseThrow(() -> new IllegalStateException(
                "document " + key + " is queued for DMS client " + clientId + ", who is not in the clients file"));
        boolean status = "status".equals(document.messageType());
        List<DmsClient> receivers = receivers(document);
        if (client.delivery().mode() == Delivery.Mode.PULL && receivers.size() == 1
                && receivers.get(0).id().equals(client.id())) {
            deliverToOnlyPullInbox(client, document);
            return;
        }
        deliverTo(client, document, status, findings.of(document.key()));
        if (receivers.stream().allMatch(receiver -> marks.detail(document.key(), markOf(receiver)).isPresent())) {
            delivered(document, "client(s) " + String.join(", ", receivers.stream().map(DmsClient::id).toList()));
        }
    }

    /**
     * A document whose only receiver pulls: the inbox entry, its mark and DELIVERED are one hop (one commit). With
     * more receivers each marks on its own and whoever reads every mark records DELIVERED (see {@link #delivered}),
     * which needs each mark committed before the marks are read.
     */
    private void deliverToOnlyPullInbox(DmsClient client, TrackedDocument document) {
        String deliveredTo = "client(s) " + client.id();
        boolean moved = log.hop(hop -> {
            intoPullInbox(hop, client, document);
            return hop.advanceAndAppend(document.key(), DocumentState.DELIVERED, null, Steps.DELIVERED_TO_DMS, Steps.OK, 1,
                    document.envelopeSha256(), deliveredTo);
        });
        if (moved) {
            announceDelivered(document, deliveredTo);
        }
    }

    /** The document whose key a delivery queue gave; its QUEUED step recorded if whoever queued it has not yet. */
    private TrackedDocument taken(String key) {
        TrackedDocument document = tracker.find(new DocumentKey(key))
                .orElseThrow(() -> new IllegalStateException("key " + key + " on the delivery queue is not tracked"));
        QueuedStep.takenFromQueue(log, metrics, document);
        return document;
    }

    private List<DmsClient> receivers(TrackedDocument document) {
        Map<String, DmsClient> receivers = new LinkedHashMap<>();
        for (String recipient : document.recipients()) {
            clients.receiversFor(recipient).forEach(client -> receivers.putIfAbsent(client.id(), client));
        }
        return List.copyOf(receivers.values());
    }

    /** The mark every way of delivering sets once (document, client) is done. */
    private static String markOf(DmsClient client) {
        return DELIVERED_MARK + ":" + client.id();
    }

    /** Recorded once, by whichever delivery finishes last: a conditional update lets exactly one win. */
    private void delivered(TrackedDocument document, String deliveredTo) {
        boolean moved = log.advanceAndAppend(document.key(), DocumentState.DELIVERED, null, Steps.DELIVERED_TO_DMS,
                Steps.OK, 1, document.envelopeSha256(), deliveredTo);
        if (moved) {
            announceDelivered(document, deliveredTo);
        }
    }

    private static void intoPullInbox(Hop hop, DmsClient client, TrackedDocument document) {
        hop.addToPullInbox(client.id(), document.key());
        hop.mark(document.key(), markOf(client), "pull inbox");
    }

    private void announceDelivered(TrackedDocument document, String deliveredTo) {
        metrics.reached(Direction.INBOUND, "delivered", document.created());
        LOG.info("Delivered {} {} from {} to {}", document.messageType(), document.key().value(),
                document.senderOrganId(), deliveredTo);
    }

    private void deliverTo(DmsClient client, TrackedDocument document, boolean status, List<RecordedFinding> carried)
            throws Exception {
        Path envelope = store.pathOf(document.key().value());
        switch (client.delivery().mode()) {
            case FOLDER -> {
                try (DmsFolder root = DmsFolder.open(client.delivery().folder());
                     DmsFolder folder = root.sub(status ? "status" : "out", true)) {
                    deliverToFolder(folder, document, markOf(client), carried);
                }
            }
            case PULL -> log.hop(hop -> { // one commit: the inbox entry and its mark together
                intoPullInbox(hop, client, document);
                return null;
            });
            default -> {
                ClientDelivery delivery = otherModes.get(client.delivery().mode());
                if (delivery == null) {
                    throw new IllegalStateException("no delivery for mode " + client.delivery().mode() + " (client " + client.id() + ")");
                }
                delivery.deliver(client, document, envelope,
                        carried.stream().map(RecordedFinding::code).distinct().toList());
            }
        }
    }

    /** The findings first (so whoever sees the document finds them), then the document itself, exactly once. */
    private String deliverToFolder(DmsFolder folder, TrackedDocument document, String markStep, List<RecordedFinding> carried)
            throws java.io.IOException {
        String name = finalName(document);
        if (!carried.isEmpty()) {
            byte[] json = (DeliveredFindings.json(carried) + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            folder.write(name + ".findings.json", FilePermissions.FOR_DMS, out -> out.write(json));
        }
        return folders.deliver(store.pathOf(document.key().value()), folder, document.key(), markStep, name);
    }

    /** Readable and unique: the sender, the document's code or id, and the start of the key. */
    static String finalName(TrackedDocument document) {
        String what = document.code() != null && !document.code().isBlank() ? document.code() : document.documentId();
        return FileNames.safe(document.senderOrganId() + "_" + what) + "_" + document.key().value().substring(0, 12) + ".edxml";
    }
}
