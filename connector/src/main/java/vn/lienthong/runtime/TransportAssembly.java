package vn.lienthong.runtime;

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
import vn.lienthong.transport.RefusedFolder;
import vn.lienthong.transport.SignatureGate;
import vn.lienthong.validation.EnvelopeValidator;

/**
 * The flows' beans between the DMS side and the axis: validation and signature checks, outbound and inbound intake,
 * sending to the axis and polling it, and the hold on received packages that were not passed on.
 */
record TransportAssembly(AxisClient axis, AxisReachability reachability, OutboundIntake outboundIntake,
                         InboundIntake inboundIntake, CamelQueueSender queues, InboundHold hold) {

    static TransportAssembly assemble(Wiring wiring, StorageAssembly storage, MetricsAssembly observed) throws Exception {
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
        AxisClient axis = new AxisClient(settings.axis(), wiring.clock(), observed.metrics());
        wiring.bind("axisSender", new AxisSender(axis, storage.store(), storage.tracker(), storage.marks(), storage.log(),
                wiring.maxDeliveryAttempts(), wiring.clock(), observed.metrics()));
        AxisReachability reachability = observed.reachability();
        wiring.bind("inboxPoller", new InboxPoller(axis, storage.store(), storage.log(), reachability, observed.metrics()));
        InboundIntake inboundIntake = new InboundIntake(validator, storage.store(), storage.tracker(), storage.findings(),
                storage.log(), incomingSignatures, settings.ourAgencies(wiring.clients()), wiring.clock(),
                observed.metrics());
        wiring.bind("inboundIntake", inboundIntake);
        CamelQueueSender queues = new CamelQueueSender(wiring.main(), outboundIntake, inboundIntake);
        InboundHold hold = new InboundHold(storage.tracker(), storage.findings(), storage.log(), storage.store(), queues);
        return new TransportAssembly(axis, reachability, outboundIntake, inboundIntake, queues, hold);
    }
}
