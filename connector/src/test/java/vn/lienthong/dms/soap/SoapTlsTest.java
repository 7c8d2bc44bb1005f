package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.dms.soap.SoapAgencies.HANOI;
import static vn.lienthong.dms.soap.SoapAgencies.OFFICE;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.dms.TlsPki;
import vn.lienthong.edxml.Organization;
import vn.lienthong.dms.soap.contract.DmsPort;
import vn.lienthong.dms.soap.contract.FaultStatus;
import vn.lienthong.dms.soap.contract.LienThongDmsService;
import vn.lienthong.dms.soap.contract.LienThongFaultDetail;
import vn.lienthong.transport.TestNetworks;

/**
 * The SOAP interface over TLS with pinned fingerprints only (no trust store: a self-signed client certificate, as a
 * DMS vendor makes one): vpcp-cert is bound to the Government Office (G22) by its certificate and sends no ApiKey;
 * hanoi-dms (H26) keeps its ApiKey and has no certificate. Real CXF clients, real handshakes on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapTlsTest {

    private final String hanoiKey = ApiKeys.newKey();
    private TlsPki pki;
    private TlsPki.Party officeCertificate;
    private DemoNetwork network;
    private DemoDocuments documents;
    private Path root;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        pki = TlsPki.generate(root.resolve("pki"));
        officeCertificate = TlsPki.selfSigned("vpcp-dms");
        Path clients = Files.writeString(root.resolve("clients.json"), """
                {"clients": [
                  {"id": "vpcp-cert", "organIds": ["000.00.00.G22"], "certificateSha256": "%s", "delivery": {"mode": "pull"}},
                  {"id": "hanoi-dms", "organIds": ["000.00.00.H26"], "apiKeySha256": "%s", "delivery": {"mode": "pull"}}
                ]}""".formatted(officeCertificate.fingerprint(), ApiKeys.sha256(hanoiKey)), StandardCharsets.UTF_8);
        Properties properties = TestNetworks.fast();
        properties.putAll(pki.settings(false));
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        properties.setProperty("lienthong.soap.port", Integer.toString(SoapAgencies.twoFreePorts()));
        network = DemoNetwork.start(root.resolve("network"), List.of(new DemoNetwork.Agency(OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(HANOI, "hanoi.test")), properties);
        documents = new DemoDocuments(root.resolve("work"));
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    /** A CXF client of {@code agency}'s connector presenting {@code certificate} (null: none). */
    private DmsPort port(Organization agency, TlsPki.Party certificate) throws Exception {
        DmsPort port = new LienThongDmsService().getDmsPort(new MTOMFeature());
        String address = SoapSettings.from(network.connector(agency.organId()).settings().properties()).address();
        assertThat(address).startsWith("https://127.0.0.1:");
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(pki.clientContext(certificate));
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(tls);
        return port;
    }

    private Path edoc(Organization from, Organization to, int number) throws Exception {
        return documents.writeEdoc(root.resolve("cv-" + number + ".edxml"), from, List.of(to), number,
                "Về việc kiểm thử SOAP qua TLS số " + number).file();
    }

    @Test
    void a_client_with_a_pinned_certificate_and_no_ApiKey_sends_for_its_agency_and_the_document_arrives() throws Exception {
        DmsPort office = port(OFFICE, officeCertificate);

        String key = office.sendDocument(SoapAgencies.attachment(edoc(OFFICE, HANOI, 71)), null, null);

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(office.getDocumentStatus(key, null).getKey()).isEqualTo(key);
        DmsPort hanoi = port(HANOI, null); // an ApiKey client without a certificate, over TLS
        assertThat(SoapAgencies.awaitInInbox(hanoi, hanoiKey, SoapAgencies.documentIdOf(OFFICE, 71)).getKey())
                .matches("[0-9a-f]{64}");
    }

    @Test
    void the_certificate_client_sending_as_another_agency_is_refused_with_SENDER_NOT_BOUND() throws Exception {
        DmsPort office = port(OFFICE, officeCertificate);

        LienThongFaultDetail fault = Faulted.detailOf(() -> office.sendDocument(
                SoapAgencies.attachment(edoc(HANOI, OFFICE, 72)), null, null));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.REFUSED);
        assertThat(Faulted.codes(fault)).isEqualTo("SENDER_NOT_BOUND");
    }

    @Test
    void a_certificate_no_client_pins_is_unauthenticated() throws Exception {
        DmsPort stranger = port(OFFICE, TlsPki.selfSigned("vpcp-dms"));

        LienThongFaultDetail fault = Faulted.detailOf(() -> stranger.fetchInbox(null));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.UNAUTHENTICATED);
        assertThat(Faulted.codes(fault)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void a_caller_with_neither_ApiKey_nor_certificate_is_unauthenticated() throws Exception {
        LienThongFaultDetail fault = Faulted.detailOf(() -> port(OFFICE, null).fetchInbox(null));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.UNAUTHENTICATED);
    }
}
