package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.dms.soap.SoapAgencies.HANOI;
import static vn.lienthong.dms.soap.SoapAgencies.OFFICE;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.soap.contract.DmsPort;
import vn.lienthong.dms.soap.contract.DocumentInfo;
import vn.lienthong.dms.soap.contract.FaultStatus;
import vn.lienthong.dms.soap.contract.LienThongFaultDetail;

/**
 * A client acts only for the agencies it is bound to, on every operation: the Government Office's client
 * ("vpcp-dms") and Hà Nội's ("hanoi-dms") each try what belongs to the other, and the one document both see was
 * sent by the Office to Hà Nội.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapBindingTest {

    private SoapAgencies agencies;
    private DmsPort officeConnector;
    private DmsPort hanoiConnector;
    /** The document as the Office's connector knows it (sent). */
    private String sentKey;
    /** The same document as Hà Nội's connector knows it (received, waiting in hanoi-dms's inbox). */
    private String receivedKey;

    @BeforeAll
    void sendOneDocumentFromTheOfficeToHanoi(@TempDir Path root) throws Exception {
        agencies = SoapAgencies.start(root);
        officeConnector = agencies.port(OFFICE);
        hanoiConnector = agencies.port(HANOI);
        sentKey = officeConnector.sendDocument(SoapAgencies.attachment(agencies.edoc(OFFICE, HANOI, 100)), null,
                agencies.officeKey);
        receivedKey = SoapAgencies.awaitInInbox(hanoiConnector, agencies.hanoiKey, SoapAgencies.documentIdOf(OFFICE, 100))
                .getKey();
    }

    @AfterAll
    void stop() {
        agencies.close();
    }

    @Test
    void a_request_without_an_ApiKey_is_refused_as_unauthenticated() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> hanoiConnector.fetchInbox(null));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.UNAUTHENTICATED);
        assertThat(Faulted.codes(fault)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void every_operation_refuses_a_wrong_ApiKey() throws Exception {
        String wrong = "lt_not-a-key-anyone-has";
        List<Faulted.SoapCall> calls = List.of(
                () -> officeConnector.sendDocument(SoapAgencies.attachment(agencies.edoc(OFFICE, HANOI, 101)), null, wrong),
                () -> officeConnector.getDocumentStatus(sentKey, wrong),
                () -> hanoiConnector.reportStatus(receivedKey, "03", null, null, null, null, null, wrong),
                () -> hanoiConnector.fetchInbox(wrong),
                () -> hanoiConnector.getDocument(receivedKey, wrong),
                () -> hanoiConnector.acknowledge(receivedKey, wrong));

        for (Faulted.SoapCall call : calls) {
            assertThat(Faulted.codes(Faulted.detailOf(call))).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void sending_as_an_agency_the_client_is_not_bound_to_is_refused_at_the_senders_OrganId() throws Exception {
        LienThongFaultDetail fault = Faulted.detailOf(() -> hanoiConnector.sendDocument(
                SoapAgencies.attachment(agencies.edoc(OFFICE, HANOI, 102)), null, agencies.hanoiKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.REFUSED);
        assertThat(Faulted.codes(fault)).isEqualTo("SENDER_NOT_BOUND");
        assertThat(fault.getError().get(0).getLocation().getPath()).endsWith("/MessageHeader/From/OrganId");
        assertThat(fault.getError().get(0).getEnglish()).contains("000.00.00.G22");
    }

    @Test
    void reading_the_status_of_another_agencys_document_is_forbidden() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> officeConnector.getDocumentStatus(sentKey, agencies.hanoiKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.FORBIDDEN);
        assertThat(Faulted.codes(fault)).isEqualTo("NOT_YOUR_DOCUMENT");
    }

    @Test
    void downloading_another_agencys_document_is_forbidden() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> hanoiConnector.getDocument(receivedKey, agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.FORBIDDEN);
        assertThat(Faulted.codes(fault)).isEqualTo("NOT_YOUR_DOCUMENT");
    }

    @Test
    void reporting_status_on_another_agencys_document_is_forbidden() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> hanoiConnector.reportStatus(receivedKey, "03", null, null,
                null, null, null, agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.FORBIDDEN);
        assertThat(Faulted.codes(fault)).isEqualTo("NOT_YOUR_DOCUMENT");
    }

    @Test
    void acknowledging_another_clients_inbox_entry_is_refused_and_leaves_it_waiting() throws Exception {
        LienThongFaultDetail fault = Faulted.detailOf(() -> hanoiConnector.acknowledge(receivedKey, agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.NOT_FOUND);
        assertThat(Faulted.codes(fault)).isEqualTo("NOT_IN_INBOX");
        assertThat(hanoiConnector.fetchInbox(agencies.hanoiKey)).extracting(DocumentInfo::getKey).contains(receivedKey);
    }

    @Test
    void a_received_document_shows_what_validation_found_in_it() throws Exception {
        Path withVendorElement = agencies.edoc(OFFICE, HANOI, 103);
        java.nio.file.Files.writeString(withVendorElement, java.nio.file.Files.readString(withVendorElement)
                .replaceFirst("</Subject>", "</Subject><MaHoSoCongViec>HS-103</MaHoSoCongViec>"));
        officeConnector.sendDocument(SoapAgencies.attachment(withVendorElement), null, agencies.officeKey);

        DocumentInfo received = SoapAgencies.awaitInInbox(hanoiConnector, agencies.hanoiKey,
                SoapAgencies.documentIdOf(OFFICE, 103));

        assertThat(received.getFinding()).singleElement().satisfies(finding -> {
            assertThat(finding.getCode()).isEqualTo("SCHEMA_UNEXPECTED_ELEMENT");
            assertThat(finding.getSeverity()).isEqualTo("WARNING");
            assertThat(finding.getVietnamese()).contains("MaHoSoCongViec");
            assertThat(finding.getLocation().getPath()).endsWith("/MessageHeader/MaHoSoCongViec");
        });
    }

    @Test
    void a_client_never_sees_another_clients_inbox() throws Exception {
        assertThat(hanoiConnector.fetchInbox(agencies.officeKey)).extracting(DocumentInfo::getKey).doesNotContain(receivedKey);
    }

    @Test
    void an_unknown_document_key_is_not_found() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> officeConnector.getDocumentStatus("0".repeat(64), agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.NOT_FOUND);
        assertThat(Faulted.codes(fault)).isEqualTo("DOCUMENT_NOT_FOUND");
    }

    @Test
    void a_status_code_outside_the_list_is_refused() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> hanoiConnector.reportStatus(receivedKey, "99", null, null,
                null, null, null, agencies.hanoiKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.REFUSED);
        assertThat(Faulted.codes(fault)).isEqualTo("STATUS_CODE_UNKNOWN");
    }
}
