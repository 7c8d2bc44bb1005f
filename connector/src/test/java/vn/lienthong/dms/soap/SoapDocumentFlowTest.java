package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.dms.soap.SoapAgencies.HANOI;
import static vn.lienthong.dms.soap.SoapAgencies.OFFICE;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.soap.contract.DmsPort;
import vn.lienthong.dms.soap.contract.DocumentInfo;
import vn.lienthong.dms.soap.contract.TimelineEntry;

/** A document's whole life through the SOAP interface, with the generated CXF client, over the simulated axis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapDocumentFlowTest {

    private SoapAgencies agencies;
    private DmsPort office;
    private DmsPort hanoi;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        agencies = SoapAgencies.start(root);
        office = agencies.port(OFFICE);
        hanoi = agencies.port(HANOI);
    }

    @AfterAll
    void stop() {
        agencies.close();
    }

    private String send(int number) throws Exception {
        return office.sendDocument(SoapAgencies.attachment(agencies.edoc(OFFICE, HANOI, number)), "cv-" + number + ".edxml",
                agencies.officeKey);
    }

    @Test
    void a_document_sent_with_sendDocument_is_answered_with_its_key() throws Exception {
        assertThat(send(1)).matches("[0-9a-f]{64}");
    }

    @Test
    void a_sent_document_arrives_in_the_recipients_inbox() throws Exception {
        send(2);

        DocumentInfo waiting = SoapAgencies.awaitInInbox(hanoi, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 2));

        assertThat(waiting.getKey()).matches("[0-9a-f]{64}");
        assertThat(waiting.getDirection()).isEqualTo("INBOUND");
        assertThat(waiting.getSender()).isEqualTo(OFFICE.organId());
        assertThat(waiting.getRecipient()).containsExactly(HANOI.organId());
        assertThat(waiting.getCode()).isEqualTo("2/G22-LT");
    }

    @Test
    void an_acknowledged_document_leaves_the_inbox() throws Exception {
        send(3);
        DocumentInfo waiting = SoapAgencies.awaitInInbox(hanoi, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 3));

        hanoi.acknowledge(waiting.getKey(), agencies.hanoiKey);

        assertThat(SoapAgencies.inInbox(hanoi, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 3))).isEmpty();
    }

    @Test
    void the_recipient_downloads_the_envelope_the_sender_sent() throws Exception {
        Path sent = agencies.edoc(OFFICE, HANOI, 4);
        office.sendDocument(SoapAgencies.attachment(sent), null, agencies.officeKey);
        DocumentInfo waiting = SoapAgencies.awaitInInbox(hanoi, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 4));

        try (InputStream envelope = hanoi.getDocument(waiting.getKey(), agencies.hanoiKey).getInputStream()) {
            assertThat(envelope.readAllBytes()).isEqualTo(Files.readAllBytes(sent));
        }
    }

    @Test
    void the_senders_status_shows_the_document_sent_to_its_recipient() throws Exception {
        String key = send(5);

        DocumentInfo status = await().atMost(Duration.ofSeconds(30)).until(
                () -> office.getDocumentStatus(key, agencies.officeKey),
                document -> document.getTimeline().stream().anyMatch(entry -> "sent".equals(entry.getStatusCode())));

        assertThat(status.getKey()).isEqualTo(key);
        assertThat(status.getDirection()).isEqualTo("OUTBOUND");
        assertThat(status.getDocumentId()).isEqualTo(SoapAgencies.documentIdOf(OFFICE, 5));
        assertThat(status.getTimeline()).extracting(TimelineEntry::getRecipient).contains(HANOI.organId());
    }

    @Test
    void a_status_the_recipient_reports_shows_in_the_senders_timeline() throws Exception {
        String key = send(6);
        DocumentInfo waiting = SoapAgencies.awaitInInbox(hanoi, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 6));

        String statusKey = hanoi.reportStatus(waiting.getKey(), "03", "Đã tiếp nhận / Accepted", "Văn thư",
                "Trần Thị Bình", null, null, agencies.hanoiKey);

        assertThat(statusKey).matches("[0-9a-f]{64}").isNotEqualTo(waiting.getKey());
        DocumentInfo status = await().atMost(Duration.ofSeconds(30)).until(
                () -> office.getDocumentStatus(key, agencies.officeKey),
                document -> document.getTimeline().stream().anyMatch(entry -> "03".equals(entry.getStatusCode())));
        assertThat(status.getTimeline()).filteredOn(entry -> "03".equals(entry.getStatusCode()))
                .extracting(TimelineEntry::getRecipient).containsExactly(HANOI.organId());
    }
}
