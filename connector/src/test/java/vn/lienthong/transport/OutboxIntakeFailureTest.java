package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.edxml.Organization;
import vn.lienthong.signature.SignaturePolicy;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidationSettings;

/**
 * An outbox file checked from the intake queue ends as it did when the outbox thread checked it: refused into the
 * error folder with its findings, or parked once with INTAKE_FAILED when checking fails unexpectedly; a message of
 * the same item that comes again changes nothing, and nothing is left filed.
 */
class OutboxIntakeFailureTest {

    private static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    private static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");
    private static final long MAX_BYTES = 10_000_000;

    @TempDir
    Path root;

    private final Clock clock = Clock.systemUTC();
    private final List<String> queued = new CopyOnWriteArrayList<>();
    private TrackingDatabase database;
    private TrackingDatabase brokenDatabase;
    private TransmissionLog log;
    private DocumentStore store;
    private EnvelopeValidator validator;
    private SignatureSettings settings;
    private DocumentVerifier verifier;
    private Path errorFolder;

    @BeforeEach
    void start() throws Exception {
        database = TrackingDatabase.openH2(root.resolve("db"));
        log = new TransmissionLog(database, clock);
        store = new DocumentStore(root.resolve("store"));
        validator = new EnvelopeValidator(ValidationSettings.DEFAULTS, Files.createDirectories(root.resolve("spool")));
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.signature.revocation.mode", "off");
        settings = SignatureSettings.from(properties, root);
        Files.createDirectories(settings.trustStore());
        verifier = DocumentVerifier.create(settings, ValidationSettings.DEFAULTS.limits(), root.resolve("spool"), clock);
        errorFolder = root.resolve("error");
    }

    @AfterEach
    void stop() {
        database.close();
        if (brokenDatabase != null) {
            brokenDatabase.close();
        }
    }

    private OutboxIntakeQueue checks(TransmissionLog gateLog) throws Exception {
        return checks(gateLog, settings.policy());
    }

    private OutboxIntakeQueue checks(TransmissionLog gateLog, SignaturePolicy gatePolicy) throws Exception {
        OutboundIntake intake = new OutboundIntake(validator, store, new DocumentTracker(database, clock), log,
                RefusedFolder.forDms(errorFolder), new SignatureGate(verifier, gatePolicy, gateLog), null,
                MAX_BYTES, clock);
        return new OutboxIntakeQueue(intake, store, (key, status) -> queued.add(key));
    }

    private String filed(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return store.fileIntake(in, file.getFileName().toString(), MAX_BYTES).id();
        }
    }

    @Test
    void a_refused_outbox_file_ends_in_the_error_folder_with_its_findings_once() throws Exception {
        Path file = Files.writeString(root.resolve("cv-bad.edxml"), "<edXML><not-an-envelope/></edXML>");
        String id = filed(file);
        OutboxIntakeQueue checks = checks(log);

        checks.check(id, "cv-bad.edxml");
        checks.check(id, "cv-bad.edxml"); // the same item's message again: a redelivery after a crash

        assertThat(errorFolder.resolve("cv-bad.edxml")).hasSameBinaryContentAs(file);
        assertThat(errorFolder.resolve("cv-bad.edxml.findings.txt")).exists();
        assertThat(errorFolder.resolve("cv-bad.edxml.findings.json")).exists();
        assertThat(listed(errorFolder)).as("parked once").hasSize(3);
        assertThat(queued).isEmpty();
        assertThat(steps()).containsExactly(Steps.INTAKE_REFUSED);
        assertThat(listed(store.intakeFile(id).getParent())).as("nothing left filed").isEmpty();
    }

    @Test
    void an_outbox_file_whose_check_fails_unexpectedly_is_parked_once_with_intake_failed() throws Exception {
        Path file = new DemoDocuments(root.resolve("work")).writeEdoc(root.resolve("cv-1.edxml"), OFFICE, List.of(HANOI),
                1, "Văn bản số 1").file();
        String id = filed(file);
        brokenDatabase = TrackingDatabase.openH2(root.resolve("broken-db"));
        TransmissionLog brokenLog = new TransmissionLog(brokenDatabase, clock);
        brokenDatabase.close(); // the signature gate cannot log its verdict: the check throws after validation
        OutboxIntakeQueue checks = checks(brokenLog, Policies.refusingUnsigned());

        checks.check(id, "cv-1.edxml");
        checks.check(id, "cv-1.edxml");

        assertThat(errorFolder.resolve("cv-1.edxml")).hasSameBinaryContentAs(file);
        assertThat(Files.readString(errorFolder.resolve("cv-1.edxml.findings.json"))).contains("INTAKE_FAILED");
        assertThat(listed(errorFolder)).as("parked once").hasSize(3);
        assertThat(queued).isEmpty();
        assertThat(steps()).containsExactly(Steps.INTAKE_REFUSED);
        assertThat(listed(store.intakeFile(id).getParent())).as("nothing left filed").isEmpty();
    }

    @Test
    void an_accepted_outbox_file_is_queued_once_and_filed_under_its_key() throws Exception {
        Path file = new DemoDocuments(root.resolve("work")).writeEdoc(root.resolve("cv-2.edxml"), OFFICE, List.of(HANOI),
                2, "Văn bản số 2").file();
        String id = filed(file);
        assertThat(filed(file)).as("the same file filed again is the same item").isEqualTo(id);
        OutboxIntakeQueue checks = checks(log);

        checks.check(id, "cv-2.edxml");
        checks.check(id, "cv-2.edxml");

        assertThat(queued).hasSize(1);
        assertThat(store.pathOf(queued.get(0))).hasSameBinaryContentAs(file);
        assertThat(steps()).containsExactly(Steps.INTAKE_ACCEPTED);
        assertThat(listed(store.intakeFile(id).getParent())).containsExactly(store.pathOf(queued.get(0)));
    }

    private List<String> steps() {
        return log.all(0, 100).stream().map(LogEvent::step)
                .filter(step -> !step.equals(Steps.SIGNATURES_CHECKED)).toList();
    }

    private static List<Path> listed(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
