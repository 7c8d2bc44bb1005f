package vn.lienthong.runtime;

import java.time.Duration;
import java.util.Optional;
import vn.lienthong.audit.Anchoring;
import vn.lienthong.audit.AnchoringSettings;
import vn.lienthong.audit.AuditExport;
import vn.lienthong.audit.LogArchiving;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.signature.xml.SigningKey;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogTree;

/**
 * What auditors rely on while the connector runs: the anchoring of the transmission log, when it has a key to sign
 * with and a time-stamping authority ({@code lienthong.audit.tsa-url}); otherwise the reason it is off, for /health.
 */
final class AuditAssembly {

    private final Optional<Anchoring> anchoring;
    /** The key anchors are signed with, which also signs evidence manifests; null when there is none. */
    private final SigningKey key;
    /** Archives and prunes old entries; empty unless lienthong.audit.retention is set. */
    private Optional<LogArchiving> archiving = Optional.empty();
    private final String off;
    private final LogTree tree;
    private final AnchorStore anchors;

    private AuditAssembly(Optional<Anchoring> anchoring, SigningKey key, String off, LogTree tree, AnchorStore anchors) {
        this.anchoring = anchoring;
        this.key = key;
        this.off = off;
        this.tree = tree;
        this.anchors = anchors;
    }

    static AuditAssembly assemble(Wiring wiring, StorageAssembly storage, MetricsAssembly observed) {
        AnchoringSettings settings = AnchoringSettings.from(wiring.properties());
        LogTree tree = new LogTree(storage.database());
        AnchorStore anchors = new AnchorStore(storage.database());
        SigningKey key = AgencySigner.forAnchors(wiring.properties(), observed.signer());
        if (!Boolean.parseBoolean(wiring.property("lienthong.audit.enabled", "true"))) {
            return new AuditAssembly(Optional.empty(), key, "it is turned off (lienthong.audit.enabled=false)", tree, anchors);
        }
        if (settings.tsaUrl().isEmpty()) {
            return new AuditAssembly(Optional.empty(), key, "no time-stamping authority is configured"
                    + " (lienthong.audit.tsa-url)", tree, anchors);
        }
        if (key == null) {
            return new AuditAssembly(Optional.empty(), key, "no signing key is configured (lienthong.signing.* or"
                    + " lienthong.audit.signing.*)", tree, anchors);
        }
        Anchoring anchoring = new Anchoring(settings, storage.log(), tree, anchors, key,
                wiring.settings().axis().systemId(), new TsaClient(settings.tsaUrl().get(), settings.tsaTimeout()),
                wiring.clock());
        return new AuditAssembly(Optional.of(anchoring), key, "", tree, anchors);
    }

    /** Starts anchoring, and archiving when a retention period is set; call once Camel runs. */
    void start(Wiring wiring, StorageAssembly storage) {
        anchoring.ifPresent(Anchoring::start);
        String retention = wiring.property("lienthong.audit.retention", "");
        if (!retention.isEmpty()) {
            LogArchiving job = new LogArchiving(Duration.parse(retention), wiring.data().resolve("audit/archives"),
                    storage.database(), export(wiring, storage), storage.log(), wiring.clock());
            job.start(Duration.parse(wiring.property("lienthong.audit.archive-check", "PT1H")));
            archiving = Optional.of(job);
        }
    }

    /** A fresh anchor of the log as it stands, when anchoring runs (see {@link Anchoring#anchorNow()}). */
    java.util.Optional<vn.lienthong.audit.tree.Anchor> anchorNow() {
        return anchoring.flatMap(Anchoring::anchorNow);
    }

    /** Exports of the running connector's log: the tree extended as needed, a fresh anchor asked for when none covers. */
    AuditExport export(Wiring wiring, StorageAssembly storage) {
        return new AuditExport(storage.database(), wiring.clock(), wiring.settings().axis().systemId(), true,
                this::anchorNow);
    }

    /** The agency's key for what auditors are given (anchors, evidence manifests); null when none is configured. */
    SigningKey signingKey() {
        return key;
    }

    Optional<Anchoring> anchoring() {
        return anchoring;
    }

    LogTree tree() {
        return tree;
    }

    AnchorStore anchors() {
        return anchors;
    }

    /** How anchoring stands, or why it is off. */
    Anchoring.Standing standing() {
        return anchoring.map(Anchoring::standing).orElseGet(() -> Anchoring.Standing.off(off, anchors));
    }

    void close() {
        archiving.ifPresent(LogArchiving::close);
        anchoring.ifPresent(Anchoring::close);
    }
}
