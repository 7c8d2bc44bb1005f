package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue 11, item 6: a package from the axis whose intake fails in a way nobody foresaw was rolled back and redelivered
 * for as long as the broker retries (16 hours by default), held by no one. Here the signature check fails on every
 * attempt (its spool folder is gone), as a bug or a broken disk would: the package ends held, tracked, on the first.
 */
class InboundIntakeFailureTest {

    private static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    private static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");

    @TempDir
    Path root;

    private TrackingDatabase database;
    private DocumentTracker tracker;
    private DocumentFindings findings;
    private DocumentStore store;
    private InboundIntake intake;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        database = TrackingDatabase.openH2(root.resolve("db"));
        tracker = new DocumentTracker(database, clock);
        findings = new DocumentFindings(database);
        TransmissionLog log = new TransmissionLog(database, clock);
        store = new DocumentStore(root.resolve("store"));
        // Validation's reading pass cannot spool the attachments: a failure nobody foresaw.
        EnvelopeValidator validator = new EnvelopeValidator(ValidationSettings.DEFAULTS, root.resolve("spool-that-is-gone"));
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.signature.revocation.mode", "off");
        SignatureSettings settings = SignatureSettings.from(properties, root);
        Files.createDirectories(settings.trustStore());
        DocumentVerifier verifier = DocumentVerifier.create(settings, ValidationSettings.DEFAULTS.limits(),
                Files.createDirectories(root.resolve("spool")), clock);
        intake = new InboundIntake(validator, store, tracker, findings, log, new SignatureGate(verifier, settings.policy(), log),
                Set.of(HANOI.organId()), clock);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    private Path fetched(int number) throws Exception {
        Path file = store.newFetchedFile();
        new DemoDocuments(root.resolve("work")).writeEdoc(file, OFFICE, List.of(HANOI), number, "Văn bản số " + number);
        return file;
    }

    @Test
    void a_package_whose_intake_fails_unexpectedly_is_held_on_the_first_attempt_not_retried() throws Exception {
        Path file = fetched(1);

        IntakeResult result = intake.accept(file.toString(), "axis-1", OFFICE.organId(), HANOI.organId());

        assertThat(result.decision()).isEqualTo(IntakeResult.Decision.REFUSED);
        TrackedDocument held = tracker.findByAxisDocId("axis-1").orElseThrow();
        assertThat(held.state()).isEqualTo(DocumentState.REFUSED);
        assertThat(held.stateReason()).contains("intake failed");
        assertThat(findings.of(held.key())).extracting(RecordedFinding::code).containsExactly("INTAKE_FAILED");
        assertThat(store.pathOf(held.key().value())).exists();
        assertThat(file).doesNotExist();
    }

    @Test
    void the_redelivered_message_of_a_held_package_changes_nothing() throws Exception {
        Path file = fetched(2);
        IntakeResult first = intake.accept(file.toString(), "axis-2", OFFICE.organId(), HANOI.organId());

        IntakeResult again = intake.accept(file.toString(), "axis-2", OFFICE.organId(), HANOI.organId());

        assertThat(again.decision()).isEqualTo(IntakeResult.Decision.DUPLICATE);
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(tracker.find(tracker.findByAxisDocId("axis-2").orElseThrow().key()).orElseThrow().state())
                .isEqualTo(DocumentState.REFUSED);
    }
}
