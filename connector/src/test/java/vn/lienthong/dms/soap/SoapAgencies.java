package vn.lienthong.dms.soap;

import static org.awaitility.Awaitility.await;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.dms.soap.contract.DmsPort;
import vn.lienthong.dms.soap.contract.DocumentInfo;
import vn.lienthong.dms.soap.contract.LienThongDmsService;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.AttachmentContent;
import vn.lienthong.edxml.Business;
import vn.lienthong.edxml.DocumentCode;
import vn.lienthong.edxml.DocumentType;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.EnvelopeWriter;
import vn.lienthong.edxml.Manifest;
import vn.lienthong.edxml.ManifestReference;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.OtherInfo;
import vn.lienthong.edxml.PromulgationInfo;
import vn.lienthong.edxml.SignerInfo;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.edxml.TraceHeaderList;
import vn.lienthong.transport.TestNetworks;

/**
 * Two agencies on the simulated axis, each with its own connector serving SOAP on a free loopback port, and two
 * DMS clients that pull: "vpcp-dms" bound to the Government Office (G22), "hanoi-dms" bound to Hà Nội (H26).
 * Both connectors know both clients, as one connector serving several DMSs would.
 */
final class SoapAgencies implements AutoCloseable {

    static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");

    final String officeKey = ApiKeys.newKey();
    final String hanoiKey = ApiKeys.newKey();
    private final Path root;
    private final DemoNetwork network;
    private final DemoDocuments documents;

    private SoapAgencies(Path root) throws Exception {
        this.root = root;
        Path clients = Files.writeString(root.resolve("clients.json"), """
                {"clients": [
                  {"id": "vpcp-dms", "name": "DMS Văn phòng Chính phủ", "organIds": ["000.00.00.G22"],
                   "apiKeySha256": "%s", "delivery": {"mode": "pull"}},
                  {"id": "hanoi-dms", "name": "DMS UBND Hà Nội", "organIds": ["000.00.00.H26"],
                   "apiKeySha256": "%s", "delivery": {"mode": "pull"}}
                ]}""".formatted(ApiKeys.sha256(officeKey), ApiKeys.sha256(hanoiKey)), StandardCharsets.UTF_8);
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.api.enabled", "false"); // the REST interface: not what these tests are about
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        properties.setProperty("lienthong.soap.port", Integer.toString(twoFreePorts()));
        this.network = DemoNetwork.start(root.resolve("network"), List.of(
                new DemoNetwork.Agency(OFFICE, "vpcp.test"), new DemoNetwork.Agency(HANOI, "hanoi.test")), properties);
        this.documents = new DemoDocuments(root.resolve("work"));
    }

    static SoapAgencies start(Path root) throws Exception {
        return new SoapAgencies(root);
    }

    /** The SOAP address of the connector of {@code agency}. */
    URI address(Organization agency) {
        return URI.create(SoapSettings.from(network.connector(agency.organId()).settings().properties()).address());
    }

    /** A client of the generated port, with MTOM, talking to the connector of {@code agency}. */
    DmsPort port(Organization agency) {
        DmsPort port = new LienThongDmsService().getDmsPort(new MTOMFeature());
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address(agency).toString());
        return port;
    }

    /** A valid official document from {@code from} to {@code to}, numbered {@code number}. */
    Path edoc(Organization from, Organization to, int number) throws IOException {
        return documents.writeEdoc(root.resolve("cv-" + number + ".edxml"), from, List.of(to), number,
                "Về việc kiểm thử giao diện SOAP số " + number).file();
    }

    /**
     * A valid official document whose PDF is padded with comment lines to about {@code pdfBytes}: large without
     * being hard to make. Written as a stream; the test never holds it in memory.
     */
    Path largeEdoc(Organization from, Organization to, int number, int pdfBytes) throws IOException {
        Path pdf = root.resolve("large-" + number + ".pdf");
        try (Writer out = Files.newBufferedWriter(pdf, StandardCharsets.US_ASCII)) {
            out.write("%PDF-1.4\n");
            String padding = "%" + "x".repeat(78) + "\n";
            for (int written = 0; written < pdfBytes; written += padding.length()) {
                out.write(padding);
            }
            out.write("1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
                    + "trailer <</Root 1 0 R>>\n%%EOF\n");
        }
        String notation = from.organId().substring(from.organId().lastIndexOf('.') + 1) + "-LT";
        EdocHeader header = new EdocHeader(from, List.of(to), documentIdOf(from, number),
                new DocumentCode(Integer.toString(number), notation), new PromulgationInfo("Hà Nội", "2026/11/25"),
                new DocumentType("1", "1", "Công văn"), "Văn bản lớn số " + number, "Nội dung.",
                new SignerInfo("KT. Bộ trưởng", "Thứ trưởng", "Nguyễn Văn An"), null, List.of("Như trên"),
                new OtherInfo("0", null, null, "1", "1", List.of(), "false"), null, "0");
        String name = "CV-" + number + ".pdf";
        TraceHeaderList trace = new TraceHeaderList(List.of(new TraceHeader(from.organId(), "2026/11/25 09:00:00")),
                new Business("0", null, "0", null, null, null, List.of()), Map.of());
        Path envelope = root.resolve("large-" + number + ".edxml");
        new EnvelopeWriter().write(new Envelope(header, trace, false,
                new Manifest("1.0", List.of(new ManifestReference("cid:cv" + number, "application/pdf", name, null, Map.of()))),
                List.of(new Attachment("cv" + number, name, "application/pdf", null, AttachmentContent.ofFile(pdf)))), envelope);
        Files.delete(pdf);
        return envelope;
    }

    static String documentIdOf(Organization from, int number) {
        return from.organId() + ",2026/11/25," + number + "/" + from.organId().substring(from.organId().lastIndexOf('.') + 1) + "-LT";
    }

    static DataHandler attachment(Path file) {
        return new DataHandler(new FileDataSource(file.toFile()));
    }

    /** Waits until the document with {@code documentId} is in the client's inbox, and returns its entry. */
    static DocumentInfo awaitInInbox(DmsPort port, String apiKey, String documentId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> inInbox(port, apiKey, documentId), Optional::isPresent).get();
    }

    static Optional<DocumentInfo> inInbox(DmsPort port, String apiKey, String documentId) throws Exception {
        return port.fetchInbox(apiKey).stream()
                .filter(entry -> "edoc".equals(entry.getMessageType()) && documentId.equals(entry.getDocumentId()))
                .findFirst();
    }

    /** A port whose next one is free too (connector i listens on port + i). */
    static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65535 && isFree(port + 1)) {
                    return port;
                }
            }
        }
        throw new IOException("no two consecutive free loopback ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
