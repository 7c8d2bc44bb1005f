package vn.lienthong.dms.soap;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.DocumentView;
import vn.lienthong.dms.Outcome;
import vn.lienthong.dms.StatusReport;
import vn.lienthong.dms.soap.contract.DmsPort;
import vn.lienthong.dms.soap.contract.DocumentInfo;
import vn.lienthong.dms.soap.contract.FaultStatus;
import vn.lienthong.dms.soap.contract.LienThongFault;

/**
 * The operations of the WSDL, each one: authenticate the client (the ApiKey header, else, over TLS, the certificate it
 * presented), call {@link DmsGateway} (which owns every rule, including which agencies the client acts for), and turn
 * its {@link Outcome} into the answer or the fault. Nothing here decides anything about documents.
 */
@WebService(endpointInterface = "vn.lienthong.dms.soap.contract.DmsPort", targetNamespace = "urn:lienthong:dms:v1",
        serviceName = "LienThongDmsService", portName = "DmsPort",
        wsdlLocation = "classpath:lienthong/schemas/wsdl/lienthong-dms.wsdl")
final class DmsSoapService implements DmsPort {

    private static final Logger LOG = LoggerFactory.getLogger(DmsSoapService.class);
    private static final String CHANNEL = "SOAP";

    private final DmsGateway gateway;
    private final ClientRegistry clients;
    private final Function<String, Path> envelopeFiles;
    /** Injected by CXF when the endpoint is published: the request being served, on this thread. */
    @Resource
    private WebServiceContext context;

    /** {@code envelopeFiles}: where the connector keeps the envelope of a document key. */
    DmsSoapService(DmsGateway gateway, ClientRegistry clients, Function<String, Path> envelopeFiles) {
        this.gateway = gateway;
        this.clients = clients;
        this.envelopeFiles = envelopeFiles;
    }

    @Override
    public String sendDocument(DataHandler envelope, String name, String apiKey) throws LienThongFault {
        DmsClient client = authenticate(apiKey);
        String shownName = name == null || name.isBlank() ? "SOAP sendDocument" : name.strip();
        return succeeded("sendDocument", client, () -> {
            try (InputStream upload = new Upload(envelope.getInputStream())) {
                return gateway.submitEnvelope(client, upload, shownName, CHANNEL);
            }
        }).key();
    }

    @Override
    public DocumentInfo getDocumentStatus(String key, String apiKey) throws LienThongFault {
        DmsClient client = authenticate(apiKey);
        Outcome outcome = succeeded("getDocumentStatus", client, () -> gateway.document(client, key));
        return DocumentInfos.of((DocumentView) outcome.body());
    }

    @Override
    public String reportStatus(String key, String statusCode, String description, String department, String staff,
                               String email, String mobile, String apiKey) throws LienThongFault {
        DmsClient client = authenticate(apiKey);
        StatusReport report = new StatusReport(statusCode, description, department, staff, email, mobile);
        return succeeded("reportStatus", client, () -> gateway.reportStatus(client, key, report, CHANNEL)).key();
    }

    @Override
    public List<DocumentInfo> fetchInbox(String apiKey) throws LienThongFault {
        DmsClient client = authenticate(apiKey);
        Outcome outcome = succeeded("fetchInbox", client, () -> gateway.inbox(client));
        @SuppressWarnings("unchecked")
        List<DocumentView> waiting = (List<DocumentView>) outcome.body();
        return waiting.stream().map(DocumentInfos::of).toList();
    }

    @Override
    public DataHandler getDocument(String key, String apiKey) throws LienThongFault {
        DmsClient client = authenticate(apiKey);
        // The same checks and answers as getDocumentStatus: not found, or not one of the client's agencies'.
        succeeded("getDocument", client, () -> gateway.document(client, key));
        Path envelope = call("getDocument", client, () -> envelopeFiles.apply(
                gateway.readable(client, key).orElseThrow().key().value()));
        // A file data source: the answer streams from disk as an MTOM attachment.
        return new DataHandler(new FileDataSource(envelope.toFile()));
    }

    @Override
    public void acknowledge(String key, String apiKey) throws LienThongFault {
        DmsClient client = authenticate(apiKey);
        succeeded("acknowledge", client, () -> gateway.acknowledge(client, key));
    }

    /**
     * The client of the ApiKey header, else the one whose pinned certificate was presented in the TLS handshake. A key
     * that is given but wrong is not rescued by a certificate: the caller meant to use the key (as in REST).
     */
    private DmsClient authenticate(String apiKey) throws LienThongFault {
        boolean keyGiven = apiKey != null && !apiKey.isBlank();
        DmsClient client = keyGiven
                ? clients.byApiKey(apiKey.strip()).orElse(null)
                : SoapTls.clientCertificate(context).flatMap(clients::byCertificate).orElse(null);
        if (client == null) {
            LOG.info("SOAP request refused: {}", keyGiven ? "unknown ApiKey" : "no ApiKey and no pinned client certificate");
            throw Faults.unauthenticated();
        }
        return client;
    }

    /** The gateway's outcome when it is a success; otherwise the fault carrying all of its errors. */
    private static Outcome succeeded(String operation, DmsClient client, GatewayCall<Outcome> gatewayCall)
            throws LienThongFault {
        Outcome outcome = call(operation, client, gatewayCall);
        if (outcome.status() == Outcome.Status.ACCEPTED || outcome.status() == Outcome.Status.OK) {
            return outcome;
        }
        LOG.info("SOAP {} by client {}: {} {}", operation, client.id(), outcome.status(),
                outcome.errors().stream().map(error -> error.code()).distinct().toList());
        throw Faults.of(outcome);
    }

    private interface GatewayCall<T> {
        T run() throws Exception;
    }

    /** Runs a gateway call; what it did not foresee becomes INTERNAL_ERROR, with the cause in the log only. */
    private static <T> T call(String operation, DmsClient client, GatewayCall<T> call) throws LienThongFault {
        try {
            return call.run();
        } catch (Upload.Failed e) {
            LOG.info("SOAP {} by client {}: the upload could not be read ({})", operation, client.id(), e.getMessage());
            throw Faults.of(FaultStatus.INVALID_REQUEST, List.of(Faults.invalidRequest(
                    "the envelope could not be read completely (" + e.getMessage() + ")", null, null)));
        } catch (Exception e) {
            LOG.warn("SOAP {} by client {} failed unexpectedly", operation, client.id(), e);
            throw Faults.internal();
        }
    }

    /**
     * The client's upload: a failure to read it (cut off, larger than the attachment limit) is the request's
     * fault, not the connector's, so it is told apart from failures further on (disk, database, broker).
     */
    private static final class Upload extends FilterInputStream {

        static final class Failed extends IOException {
            Failed(IOException cause) {
                super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
            }
        }

        Upload(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Failed(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new Failed(e);
            }
        }
    }
}
