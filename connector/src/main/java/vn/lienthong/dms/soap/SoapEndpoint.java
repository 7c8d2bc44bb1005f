package vn.lienthong.dms.soap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.common.logging.LogUtils;
import org.apache.cxf.common.logging.Slf4jLogger;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.DmsTls;

/**
 * The SOAP interface for DMS clients: the WSDL of schemas/wsdl served with CXF's JAX-WS frontend on CXF's Jetty
 * transport, requests validated against the WSDL's schema, MTOM for the envelope. Two connectors in one JVM (the
 * demo) each have their own endpoint, port and settings; closing one frees its port and leaves the other running.
 */
public final class SoapEndpoint implements AutoCloseable {

    static final String NAMESPACE = "urn:lienthong:dms:v1";
    static final String WSDL = "classpath:lienthong/schemas/wsdl/lienthong-dms.wsdl";
    /**
     * Inline base64 (a client without MTOM) is parsed as text in memory, so it is kept small; larger envelopes
     * must come as MTOM attachments, which are spooled to disk.
     */
    static final int MAX_INLINE_TEXT_CHARS = 16 * 1024 * 1024;
    /** Attachments above this size go to disk while the request is read. */
    private static final int ATTACHMENT_MEMORY_THRESHOLD = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SoapEndpoint.class);

    static {
        // CXF logs through java.util.logging unless told otherwise; this puts its lines under logback's rules.
        LogUtils.setLoggerClass(Slf4jLogger.class);
    }

    private static final Bus BUS = privateBus();

    private final Server server;
    private final int port;
    private final URI address;
    private final SoapListener listener;

    private SoapEndpoint(Server server, int port, URI address, SoapListener listener) {
        this.server = server;
        this.port = port;
        this.address = address;
        this.listener = listener;
    }

    /**
     * Publishes the endpoint, or returns null when {@code lienthong.soap.enabled} is false or no DMS client could
     * authenticate (none has an API key, nor a pinned certificate while TLS is on): a connector that serves DMSs only
     * through folders keeps the port free.
     *
     * @param tls           the TLS of the DMS interfaces; null: plain HTTP
     * @param envelopeFiles where the connector keeps the envelope of a document key (for getDocument)
     * @param workDirectory where MTOM attachments are spooled while a request is read, each request in a directory of
     *                      its own that is deleted when it is answered
     */
    public static SoapEndpoint start(SoapSettings settings, DmsTls tls, DmsGateway gateway, ClientRegistry clients,
                                     Function<String, Path> envelopeFiles, Path workDirectory) throws IOException {
        if (!settings.enabled()) {
            return null;
        }
        if (clients.all().stream().noneMatch(client -> client.apiKeySha256() != null
                || (tls != null && client.certificateSha256() != null))) {
            LOG.info("SOAP interface not started: no DMS client in lienthong.dms.clients-file with an API key{}",
                    tls == null ? "" : " or a certificate");
            return null;
        }
        if (settings.tls() != (tls != null)) {
            throw new IllegalStateException("the SOAP settings and the TLS given disagree on TLS");
        }
        if (tls != null) {
            SoapTls.configurePort(BUS, settings.host(), settings.port(), tls);
        }
        Path attachments = Files.createDirectories(workDirectory);
        RequestSpool.sweep(attachments); // what a crash left: no request is running yet
        SoapListener listener = SoapListener.prepare(BUS, settings);
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(BUS);
        factory.setServiceBean(new DmsSoapService(gateway, clients, envelopeFiles));
        factory.setWsdlLocation(WSDL);
        factory.setServiceName(new QName(NAMESPACE, "LienThongDmsService"));
        factory.setEndpointName(new QName(NAMESPACE, "DmsPort"));
        factory.setAddress(settings.address());
        factory.setProperties(properties(settings, attachments));
        factory.getInInterceptors().add(new NameLimitInterceptor(settings.maxNameLength()));
        factory.getOutInterceptors().add(new MtomForBinaryAnswers());
        factory.getOutFaultInterceptors().add(new MtomForBinaryAnswers());
        factory.getOutFaultInterceptors().add(new FaultShaping());
        factory.getInInterceptors().add(new EarlyAuthentication(clients));
        factory.getInInterceptors().add(new AttachmentCount(settings.maxAttachments()));
        Server server = factory.create();
        try {
            server.getDestination().setMessageObserver(new RequestSpool(server.getDestination().getMessageObserver(),
                    attachments, settings.maxRequestBytes()));
            listener.watch();
        } catch (Exception e) {
            new SoapEndpoint(server, settings.port(), URI.create(settings.address()), listener).close();
            throw new IOException("the SOAP listener on port " + settings.port() + " cannot be limited: " + e.getMessage(), e);
        }
        LOG.info("SOAP interface for DMS clients at {} ({})", settings.address(), settings.listener());
        return new SoapEndpoint(server, settings.port(), URI.create(settings.address()), listener);
    }

    /**
     * One CXF bus for the endpoints of this JVM, never shut down: shutting a bus down stops every CXF Jetty server
     * of the JVM it can (their registry is static), the other connector's too. It is kept apart from CXF's default
     * bus, which clients in the same JVM use.
     */
    private static Bus privateBus() {
        Bus previous = BusFactory.getThreadDefaultBus(false);
        Bus bus = new CXFBusFactory().createBus();
        BusFactory.setThreadDefaultBus(previous);
        if (BusFactory.getDefaultBus(false) == bus) {
            BusFactory.setDefaultBus(null);
        }
        return bus;
    }

    private static Map<String, Object> properties(SoapSettings settings, Path attachments) {
        Map<String, Object> properties = new HashMap<>();
        // Requests are checked against the WSDL's schema; answers are built from classes generated from it.
        properties.put(Message.SCHEMA_VALIDATION_ENABLED, "IN");
        properties.put(Message.MTOM_ENABLED, Boolean.TRUE);
        properties.put(AttachmentDeserializer.ATTACHMENT_DIRECTORY, attachments.toString());
        properties.put(AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, ATTACHMENT_MEMORY_THRESHOLD);
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_SIZE, settings.maxEnvelopeBytes());
        properties.put(AttachmentDeserializer.ATTACHMENT_MAX_COUNT, settings.maxAttachments());
        properties.put(StaxUtils.MAX_TEXT_LENGTH, MAX_INLINE_TEXT_CHARS);
        properties.put(FaultListener.class.getName(), new FaultLog());
        // Never put a stack trace or an exception's own message into a fault.
        properties.put(Message.FAULT_STACKTRACE_ENABLED, Boolean.FALSE);
        properties.put(Message.EXCEPTION_MESSAGE_CAUSE_ENABLED, Boolean.FALSE);
        return properties;
    }

    public URI address() {
        return address;
    }

    /** Stops answering, then stops the Jetty server of this endpoint's port, so the port is free again. */
    @Override
    public void close() {
        try {
            server.destroy();
        } finally {
            JettyHTTPServerEngineFactory.destroyForPort(port);
            listener.close();
        }
    }
}
