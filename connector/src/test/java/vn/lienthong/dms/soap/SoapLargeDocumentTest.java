package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.dms.soap.SoapAgencies.HANOI;
import static vn.lienthong.dms.soap.SoapAgencies.OFFICE;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
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

/**
 * Large documents travel as MTOM attachments, which the endpoint spools to disk; inline base64 is parsed as text
 * and is therefore capped ({@link SoapEndpoint#MAX_INLINE_TEXT_CHARS}). One envelope just over that cap shows both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapLargeDocumentTest {

    /** About 14 MB of PDF: about 19 MB of edXML, about 25 million characters once base64-encoded inline. */
    private static final int PDF_BYTES = 14 * 1024 * 1024;

    private SoapAgencies agencies;
    private Path root;
    private Path large;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        agencies = SoapAgencies.start(root);
        large = agencies.largeEdoc(OFFICE, HANOI, 400, PDF_BYTES);
    }

    @AfterAll
    void stop() {
        agencies.close();
    }

    @Test
    void an_envelope_too_large_for_inline_base64_is_accepted_as_an_MTOM_attachment_and_delivered() throws Exception {
        assertThat(Files.size(large) * 4 / 3).isGreaterThan(SoapEndpoint.MAX_INLINE_TEXT_CHARS);

        String key = agencies.port(OFFICE).sendDocument(SoapAgencies.attachment(large), "large.edxml", agencies.officeKey);

        assertThat(key).matches("[0-9a-f]{64}");
        String received = SoapAgencies.awaitInInbox(agencies.port(HANOI), agencies.hanoiKey,
                SoapAgencies.documentIdOf(OFFICE, 400)).getKey();
        try (InputStream envelope = agencies.port(HANOI).getDocument(received, agencies.hanoiKey).getInputStream()) {
            assertThat(envelope.transferTo(OutputStream.nullOutputStream())).isEqualTo(Files.size(large));
        }
    }

    @Test
    void the_same_envelope_as_inline_base64_is_refused_with_the_reason() throws Exception {
        Path request = root.resolve("inline-request.xml");
        try (OutputStream out = Files.newOutputStream(request)) {
            out.write(("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:dms=\"urn:lienthong:dms:v1\">"
                    + "<soapenv:Header><dms:ApiKey>" + agencies.officeKey + "</dms:ApiKey></soapenv:Header>"
                    + "<soapenv:Body><dms:sendDocument><dms:envelope>").getBytes(StandardCharsets.US_ASCII));
            try (OutputStream base64 = Base64.getEncoder().wrap(new NotClosing(out))) {
                Files.copy(large, base64);
            }
            out.write("</dms:envelope></dms:sendDocument></soapenv:Body></soapenv:Envelope>".getBytes(StandardCharsets.US_ASCII));
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(agencies.address(OFFICE))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"urn:lienthong:dms:v1:sendDocument\"")
                        .POST(HttpRequest.BodyPublishers.ofFile(request)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var fault = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(fault.getElementsByTagNameNS("urn:lienthong:dms:v1", "status").item(0).getTextContent())
                .isEqualTo("INVALID_REQUEST");
        assertThat(fault.getElementsByTagNameNS("urn:lienthong:dms:v1", "english").item(0).getTextContent())
                .containsIgnoringCase("text size limit").contains("MTOM");
    }

    /** Lets the base64 encoder write its padding on close without closing the request file under it. */
    private static final class NotClosing extends java.io.FilterOutputStream {

        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
        }
    }
}
