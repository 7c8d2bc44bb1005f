package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.dms.soap.SoapAgencies.HANOI;
import static vn.lienthong.dms.soap.SoapAgencies.OFFICE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.soap.contract.DmsPort;
import vn.lienthong.dms.soap.contract.FaultStatus;
import vn.lienthong.dms.soap.contract.LienThongError;
import vn.lienthong.dms.soap.contract.LienThongFaultDetail;

/** What a refused document or a request that breaks the contract gets back: one fault, every reason, in one shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapRefusalTest {

    private SoapAgencies agencies;
    private DmsPort office;
    private Path root;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        agencies = SoapAgencies.start(root);
        office = agencies.port(OFFICE);
    }

    @AfterAll
    void stop() {
        agencies.close();
    }

    /** A document with two defects: a Priority that is not a number and a promulgation date that does not exist. */
    private Path twoDefects() throws Exception {
        String valid = Files.readString(agencies.edoc(OFFICE, HANOI, 200), StandardCharsets.UTF_8);
        String broken = valid.replace("<Priority>0</Priority>", "<Priority>khẩn</Priority>")
                .replace("<PromulgationDate>2026/11/25</PromulgationDate>", "<PromulgationDate>2026/02/30</PromulgationDate>");
        assertThat(broken).isNotEqualTo(valid);
        return Files.writeString(root.resolve("two-defects.edxml"), broken, StandardCharsets.UTF_8);
    }

    @Test
    void a_refused_document_comes_back_as_one_fault_listing_every_defect_with_its_line_and_column() throws Exception {
        Path envelope = twoDefects();

        LienThongFaultDetail fault = Faulted.detailOf(() -> office.sendDocument(SoapAgencies.attachment(envelope),
                "two-defects.edxml", agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.REFUSED);
        assertThat(fault.getError()).extracting(LienThongError::getCode)
                .containsExactlyInAnyOrder("DATE_NOT_REAL", "SCHEMA_INVALID_VALUE");
        assertThat(fault.getError()).allSatisfy(error -> {
            assertThat(error.getSeverity()).isEqualTo("ERROR");
            assertThat(error.getVietnamese()).isNotBlank();
            assertThat(error.getEnglish()).isNotBlank();
            assertThat(error.getLocation().getLine()).isPositive();
            assertThat(error.getLocation().getColumn()).isPositive();
        });
    }

    @Test
    void a_request_missing_a_required_element_is_an_invalid_request_naming_it() {
        LienThongFaultDetail fault = Faulted.detailOf(() -> office.reportStatus("0".repeat(64), null, null, null, null,
                null, null, agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.INVALID_REQUEST);
        assertThat(Faulted.codes(fault)).isEqualTo("INVALID_REQUEST");
        assertThat(fault.getError().get(0).getEnglish()).contains("statusCode").doesNotContain("Exception");
    }

    @Test
    void a_field_longer_than_the_contract_allows_is_refused_without_quoting_it_back() {
        String longDescription = "Nội dung cá nhân ".repeat(200);

        LienThongFaultDetail fault = Faulted.detailOf(() -> office.reportStatus("0".repeat(64), "03", longDescription,
                null, null, null, null, agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.INVALID_REQUEST);
        assertThat(fault.getError().get(0).getEnglish()).contains("maxLength").doesNotContain("Nội dung cá nhân");
    }

    @Test
    void a_document_with_twenty_thousand_errors_comes_back_as_a_fault_of_bounded_size() throws Exception {
        String valid = Files.readString(agencies.edoc(OFFICE, HANOI, 201), StandardCharsets.UTF_8);
        Path hostile = Files.writeString(root.resolve("many-errors.edxml"),
                valid.replace("</To>", "</To>" + "<To><OrganId>x</OrganId></To>".repeat(20_000)), StandardCharsets.UTF_8);

        LienThongFaultDetail fault = Faulted.detailOf(() -> office.sendDocument(SoapAgencies.attachment(hostile),
                "many-errors.edxml", agencies.officeKey));

        assertThat(fault.getStatus()).isEqualTo(FaultStatus.REFUSED);
        assertThat(fault.getError()).hasSizeLessThanOrEqualTo(100);
        assertThat(fault.getError().get(fault.getError().size() - 1).getCode()).isEqualTo("FINDINGS_OMITTED");
    }
}
