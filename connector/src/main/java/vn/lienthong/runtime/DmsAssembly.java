package vn.lienthong.runtime;

import java.util.Map;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.delivery.DeliveryRoutes;
import vn.lienthong.dms.delivery.DmsDelivery;
import vn.lienthong.dms.folder.FolderIntake;
import vn.lienthong.dms.folder.FolderRoutes;
import vn.lienthong.dms.jms.JmsDelivery;
import vn.lienthong.dms.jms.JmsIntake;
import vn.lienthong.dms.jms.JmsRoutes;
import vn.lienthong.dms.rest.DmsRestApi;
import vn.lienthong.dms.rest.RestLimits;
import vn.lienthong.dms.soap.SoapEndpoint;
import vn.lienthong.dms.soap.SoapSettings;
import vn.lienthong.dms.webhook.WebhookDelivery;

/**
 * The DMS side: the gateway every DMS interface hands documents to, the REST, folder and JMS interfaces (the SOAP
 * one is opened by {@link #openSoap} once Camel runs), and delivery of received documents to each client.
 */
record DmsAssembly(DmsGateway gateway) {

    /** An inbox answer of more would hold as much as the limit means to avoid. */
    private static final int MAX_INBOX_PAGE_SIZE = 10_000;

    static DmsAssembly assemble(Wiring wiring, StorageAssembly storage, BrokerAssembly broker, TransportAssembly transport,
                             MetricsAssembly observed) throws Exception {
        ConnectorSettings settings = wiring.settings();
        var clients = wiring.clients();
        wiring.bind("dmsDelivery", new DmsDelivery(storage.store(), storage.tracker(), storage.findings(), storage.marks(),
                storage.log(), clients, Map.of(
                Delivery.Mode.WEBHOOK, WebhookDelivery.fromProperties(wiring.properties(), clients, storage.marks(),
                        wiring.clock()),
                Delivery.Mode.JMS, new JmsDelivery(broker.connectionFactory(), storage.marks())),
                settings.inbox(), settings.statusInbox(), wiring.maxDeliveryAttempts(), observed.metrics()));
        wiring.bind("dmsClients", clients);
        DmsGateway gateway = new DmsGateway(transport.outboundIntake(), transport.queues(), storage.tracker(),
                storage.pullInbox(), storage.findings(), wiring.data().resolve("dms-work"),
                inboxPageSize(wiring));
        wiring.bind("dmsGateway", gateway);
        wiring.bind("dmsRestApi", new DmsRestApi(gateway, clients, storage.store(), wiring.data().resolve("api-uploads"),
                RestLimits.from(wiring.properties(), wiring.maxEnvelopeBytes())));
        wiring.bind("folderIntake", new FolderIntake(clients, gateway, wiring.maxEnvelopeBytes(), wiring.clock()));
        wiring.bind("jmsIntake", new JmsIntake(clients, gateway, wiring.data().resolve("dms-work"),
                wiring.maxEnvelopeBytes()));
        wiring.main().configure().addRoutesBuilder(new FolderRoutes(clients));
        wiring.main().configure().addRoutesBuilder(new JmsRoutes(clients));
        wiring.main().configure().addRoutesBuilder(new DeliveryRoutes(clients));
        return new DmsAssembly(gateway);
    }

    /** The SOAP interface, opened once Camel runs, since it feeds Camel's queues; null when it is disabled. */
    SoapEndpoint openSoap(Wiring wiring, StorageAssembly storage) throws Exception {
        return SoapEndpoint.start(SoapSettings.from(wiring.properties()), wiring.settings().dmsTls(), gateway,
                wiring.clients(), storage.store()::pathOf, wiring.data().resolve("soap-attachments"));
    }

    /** lienthong.api.inbox-page-size: how many documents one inbox answer lists at most. */
    private static int inboxPageSize(Wiring wiring) {
        String value = wiring.property("lienthong.api.inbox-page-size", "100").strip();
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_INBOX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // said below, with the key
        }
        throw new IllegalArgumentException("lienthong.api.inbox-page-size: not a whole number from 1 to "
                + MAX_INBOX_PAGE_SIZE + ": " + value);
    }
}
