package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.edxml.Organization;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidationSettings;

/**
 * Both intakes read an envelope once for validation and the signature checks: the PDF attachments are verified from
 * validation's spool files (the verifier's own spool folder does not even exist, so a second reading would fail),
 * and those spool files are deleted however the intake ends, a failure in the signature check included.
 */
class ReadOnceIntakeTest {

    private static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    private static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");

    @TempDir
    Path root;

    private final Clock clock = Clock.systemUTC();
    private TrackingDatabase database;
    private TrackingDatabase brokenDatabase;
    private DocumentTracker tracker;
    private DocumentFindings findings;
    private TransmissionLog log;
    private DocumentStore store;
    private Path spool;
    private EnvelopeValidator validator;
    private SignatureSettings settings;
    private DocumentVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        database = TrackingDatabase.openH2(root.resolve("db"));
        tracker = new DocumentTracker(database, clock);
        findings = new DocumentFindings(database);
        log = new TransmissionLog(database, clock);
        store = new DocumentStore(root.resolve("store"));
        spool = Files.createDirectories(root.resolve("spool"));
        validator = new EnvelopeValidator(ValidationSettings.DEFAULTS, spool);
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.signature.revocation.mode", "off");
        settings = SignatureSettings.from(properties, root);
        Files.createDirectories(settings.trustStore());
        verifier = DocumentVerifier.create(settings, ValidationSettings.DEFAULTS.limits(),
                root.resolve("no-second-reading"), clock);
    }

    @AfterEach
    void stop() {
        database.close();
        if (brokenDatabase != null) {
            brokenDatabase.close();
        }
    }

    private Path edoc(Path file, int number) throws Exception {
        new DemoDocuments(root.resolve("work")).writeEdoc(file, OFFICE, List.of(HANOI), number, "Văn bản số " + number);
        return file;
    }

    private InboundIntake inbound(SignatureGate gate) {
        return new InboundIntake(validator, store, tracker, findings, log, gate, Set.of(HANOI.organId()), clock);
    }

    @Test
    void outbound_intake_checks_the_pdf_from_the_validation_spool_and_leaves_the_spool_empty() throws Exception {
        Path file = edoc(root.resolve("cv-1.edxml"), 1);
        OutboundIntake intake = new OutboundIntake(validator, store, tracker, log,
                RefusedFolder.forDms(root.resolve("error")), new SignatureGate(verifier, settings.policy(), log), null,
                10_000_000, clock);

        IntakeResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = intake.accept(in, "cv-1.edxml", Submitter.OUTBOX);
        }

        assertThat(result.decision()).isEqualTo(IntakeResult.Decision.QUEUE_EDOC);
        assertThat(result.signatures().signed()).isFalse();
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void inbound_intake_checks_the_pdf_from_the_validation_spool_and_leaves_the_spool_empty() throws Exception {
        Path file = edoc(store.newFetchedFile(), 2);

        IntakeResult result = inbound(new SignatureGate(verifier, settings.policy(), log))
                .accept(file.toString(), "axis-2", OFFICE.organId(), HANOI.organId());

        assertThat(result.decision()).isEqualTo(IntakeResult.Decision.QUEUE_EDOC);
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void a_signature_check_that_fails_unexpectedly_leaves_no_spool_file_behind() throws Exception {
        Path file = edoc(store.newFetchedFile(), 3);
        brokenDatabase = TrackingDatabase.openH2(root.resolve("broken-db"));
        TransmissionLog brokenLog = new TransmissionLog(brokenDatabase, clock);
        brokenDatabase.close(); // the gate's verdict cannot be logged: the check throws after validation spooled the PDF

        IntakeResult result = inbound(new SignatureGate(verifier, Policies.refusingUnsigned(), brokenLog))
                .accept(file.toString(), "axis-3", OFFICE.organId(), HANOI.organId());

        assertThat(result.decision()).isEqualTo(IntakeResult.Decision.REFUSED);
        TrackedDocument held = tracker.findByAxisDocId("axis-3").orElseThrow();
        assertThat(held.state()).isEqualTo(DocumentState.REFUSED);
        assertThat(findings.of(held.key())).extracting(RecordedFinding::code).containsExactly("INTAKE_FAILED");
        assertThat(spool).isEmptyDirectory();
    }
}
