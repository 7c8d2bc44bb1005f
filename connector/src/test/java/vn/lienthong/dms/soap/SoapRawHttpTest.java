package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.dms.soap.SoapAgencies.HANOI;
import static vn.lienthong.dms.soap.SoapAgencies.OFFICE;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.lienthong.dms.soap.contract.DmsPort;

/**
 * The interface without any SOAP toolkit: the literal requests of docs/connecting-a-dms.md, posted as curl posts
 * them, and the answers read as XML.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapRawHttpTest {

    /** docs/connecting-a-dms.md (SOAP): fetch-inbox.xml, posted with curl as it is but for the key. */
    static final String README_FETCH_INBOX = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dms="urn:lienthong:dms:v1">
              <soapenv:Header>
                <dms:ApiKey>lt_REPLACE_WITH_YOUR_API_KEY</dms:ApiKey>
              </soapenv:Header>
              <soapenv:Body>
                <dms:fetchInbox/>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

    /** docs/connecting-a-dms.md: send-document.xml, the envelope inline as base64 (a client without MTOM; small documents). */
    static final String README_SEND_DOCUMENT = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dms="urn:lienthong:dms:v1">
              <soapenv:Header>
                <dms:ApiKey>lt_REPLACE_WITH_YOUR_API_KEY</dms:ApiKey>
              </soapenv:Header>
              <soapenv:Body>
                <dms:sendDocument>
                  <dms:envelope>
            BASE64_OF_THE_EDXML_FILE
                  </dms:envelope>
                  <dms:name>cv-1.edxml</dms:name>
                </dms:sendDocument>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

    private static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String DMS_NAMESPACE = "urn:lienthong:dms:v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private SoapAgencies agencies;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        agencies = SoapAgencies.start(root);
    }

    @AfterAll
    void stop() {
        agencies.close();
    }

    /** curl -s URL -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: "urn:lienthong:dms:v1:OP"' --data-binary @FILE */
    private HttpResponse<String> post(vn.lienthong.edxml.Organization connector, String operation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(agencies.address(connector))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"urn:lienthong:dms:v1:" + operation + "\"")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String namespace, String name) {
        return document.getElementsByTagNameNS(namespace, name).getLength() == 0 ? null
                : document.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }

    /** The {@code document} element of the fetchInbox answer with that key. */
    private static Element waiting(Document answer, String key) {
        NodeList documents = answer.getElementsByTagNameNS(DMS_NAMESPACE, "document");
        for (int i = 0; i < documents.getLength(); i++) {
            Element document = (Element) documents.item(i);
            if (key.equals(document.getElementsByTagNameNS(DMS_NAMESPACE, "key").item(0).getTextContent())) {
                return document;
            }
        }
        throw new AssertionError("no document " + key + " in the answer");
    }

    @Test
    void the_README_fetchInbox_request_lists_the_waiting_document_as_plain_XML() throws Exception {
        DmsPort hanoi = agencies.port(HANOI);
        agencies.port(OFFICE).sendDocument(SoapAgencies.attachment(agencies.edoc(OFFICE, HANOI, 300)), null, agencies.officeKey);
        String key = SoapAgencies.awaitInInbox(hanoi, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 300)).getKey();

        HttpResponse<String> response = post(HANOI, "fetchInbox",
                README_FETCH_INBOX.replace("lt_REPLACE_WITH_YOUR_API_KEY", agencies.hanoiKey));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Element document = waiting(xml(response.body()), key);
        assertThat(document.getElementsByTagNameNS(DMS_NAMESPACE, "sender").item(0).getTextContent()).isEqualTo(OFFICE.organId());
        assertThat(document.getElementsByTagNameNS(DMS_NAMESPACE, "documentId").item(0).getTextContent())
                .isEqualTo(SoapAgencies.documentIdOf(OFFICE, 300));
    }

    @Test
    void the_README_sendDocument_request_with_inline_base64_is_answered_with_the_key() throws Exception {
        Path envelope = agencies.edoc(OFFICE, HANOI, 301);
        String body = README_SEND_DOCUMENT.replace("lt_REPLACE_WITH_YOUR_API_KEY", agencies.officeKey)
                // As `base64 cv-1.edxml` writes it: lines of 76 characters.
                .replace("BASE64_OF_THE_EDXML_FILE", Base64.getMimeEncoder(76, new byte[] {'\n'})
                        .encodeToString(Files.readAllBytes(envelope)));

        HttpResponse<String> response = post(OFFICE, "sendDocument", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(xml(response.body()), DMS_NAMESPACE, "key")).matches("[0-9a-f]{64}");
    }

    @Test
    void a_wrong_key_gets_a_client_fault_whose_detail_has_the_one_error_shape() throws Exception {
        HttpResponse<String> response = post(HANOI, "fetchInbox",
                README_FETCH_INBOX.replace("lt_REPLACE_WITH_YOUR_API_KEY", "lt_wrong"));

        assertThat(response.statusCode()).isEqualTo(500);
        Document fault = xml(response.body());
        assertThat(text(fault, null, "faultcode")).isEqualTo("soap:Client");
        assertThat(text(fault, null, "faultstring")).contains("API");
        assertThat(text(fault, DMS_NAMESPACE, "status")).isEqualTo("UNAUTHENTICATED");
        assertThat(text(fault, DMS_NAMESPACE, "code")).isEqualTo("UNAUTHENTICATED");
        assertThat(text(fault, DMS_NAMESPACE, "severity")).isEqualTo("ERROR");
        assertThat(text(fault, DMS_NAMESPACE, "vietnamese")).contains("Không xác thực được máy khách");
        assertThat(text(fault, DMS_NAMESPACE, "english")).contains("could not be authenticated");
    }

    @Test
    void a_body_that_is_not_XML_gets_an_invalid_request_fault_without_a_stack_trace() throws Exception {
        HttpResponse<String> response = post(HANOI, "fetchInbox", "this is not XML");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(text(xml(response.body()), DMS_NAMESPACE, "status")).isEqualTo("INVALID_REQUEST");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at vn.");
    }
}
