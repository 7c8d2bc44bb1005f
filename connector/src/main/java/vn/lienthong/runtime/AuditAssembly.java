package vn.lienthong.runtime;

import java.util.Optional;
import vn.lienthong.audit.Anchoring;
import vn.lienthong.audit.AnchoringSettings;
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
    private final String off;
    private final LogTree tree;
    private final AnchorStore anchors;

    private AuditAssembly(Optional<Anchoring> anchoring, String off, LogTree tree, AnchorStore anchors) {
        this.anchoring = anchoring;
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
            return new AuditAssembly(Optional.empty(), "it is turned off (lienthong.audit.enabled=false)", tree, anchors);
        }
        if (settings.tsaUrl().isEmpty()) {
            return new AuditAssembly(Optional.empty(), "no time-stamping authority is configured"
                    + " (lienthong.audit.tsa-url)", tree, anchors);
        }
        if (key == null) {
            return new AuditAssembly(Optional.empty(), "no signing key is configured (lienthong.signing.* or"
                    + " lienthong.audit.signing.*)", tree, anchors);
        }
        Anchoring anchoring = new Anchoring(settings, storage.log(), tree, anchors, key,
                wiring.settings().axis().systemId(), new TsaClient(settings.tsaUrl().get(), settings.tsaTimeout()),
                wiring.clock());
        return new AuditAssembly(Optional.of(anchoring), "", tree, anchors);
    }

    /** Starts anchoring; call once Camel runs. */
    void start() {
        anchoring.ifPresent(Anchoring::start);
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
        anchoring.ifPresent(Anchoring::close);
    }
}
