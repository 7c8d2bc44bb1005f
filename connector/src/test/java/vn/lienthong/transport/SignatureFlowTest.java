package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.fixtures.Fixtures;
import vn.lienthong.fixtures.pki.AttackCorpus;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.SignedSamples;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.signature.Verdict;
import vn.lienthong.tracking.LogEvent;

/**
 * The signature policy applied by the flows, in both directions, with the test PKI's root as trust anchor and
 * revocation checked online against the test CA's CRL and OCSP responder on loopback.
 */
class SignatureFlowTest {

    private static final Organization GOVERNMENT_OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    private static final Organization NGHE_AN = Organization.withId("000.00.00.H41", "UBND tỉnh Nghệ An");

    @TempDir
    static Path shared;

    @TempDir
    Path root;

    private static RevocationServer revocation;
    private static TestPki pki;
    private static SignedSamples samples;
    private static List<AttackCorpus.AttackCase> corpus;

    @BeforeAll
    static void writePkiAndSignedFiles() {
        revocation = RevocationServer.start();
        pki = TestPki.generate(shared.resolve("pki"), revocation.base());
        revocation.serve(pki);
        samples = SignedSamples.write(pki, shared.resolve("samples"));
        corpus = AttackCorpus.write(pki, shared.resolve("corpus"));
    }

    @AfterAll
    static void stopRevocation() {
        revocation.close();
    }

    private static Path attack(String name) {
        return corpus.stream().filter(attack -> attack.file().getFileName().toString().equals(name))
                .findFirst().orElseThrow().file();
    }

    private DemoNetwork start(Properties extra) throws Exception {
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
        properties.putAll(extra);
        return DemoNetwork.start(root, List.of(new DemoNetwork.Agency(GOVERNMENT_OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(NGHE_AN, "nghean.test")), properties);
    }

    private static void drop(Path file, ConnectorRuntime connector) throws Exception {
        Files.copy(file, connector.settings().outbox().resolve(file.getFileName()));
    }

    private static List<String> outcomesOfSignatureChecks(ConnectorRuntime connector) {
        return connector.transmissionLog().all(0, 1000).stream()
                .filter(event -> event.step().equals(Steps.SIGNATURES_CHECKED)).map(LogEvent::outcome).toList();
    }

    @Test
    void should_send_a_validly_signed_document_and_the_recipient_should_accept_it() throws Exception {
        try (DemoNetwork network = start(new Properties())) {
            ConnectorRuntime office = network.connector(GOVERNMENT_OFFICE.organId());
            ConnectorRuntime ngheAn = network.connector(NGHE_AN.organId());
            drop(samples.envelopeWithSignedPdfs(), office);
            await().atMost(Duration.ofSeconds(30)).until(() -> Traffic.envelopeCount(ngheAn.settings().inbox()) == 1);
            assertThat(outcomesOfSignatureChecks(office)).containsExactly("accept");
            assertThat(outcomesOfSignatureChecks(ngheAn)).containsExactly("accept");
            assertThat(revocation.crlRequests() + revocation.ocspRequests()).as("revocation was checked online").isPositive();
        }
    }

    @Test
    void should_refuse_a_tampered_document_at_the_outbox_with_every_reason_beside_it() throws Exception {
        try (DemoNetwork network = start(new Properties())) {
            ConnectorRuntime office = network.connector(GOVERNMENT_OFFICE.organId());
            drop(attack("xml-tampered-subject.edxml"), office);
            Path refused = office.settings().errorFolder().resolve("xml-tampered-subject.edxml");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(refused));
            assertThat(Files.readString(refused.resolveSibling("xml-tampered-subject.edxml.signatures.txt"), StandardCharsets.UTF_8))
                    .contains("DIGEST_MISMATCH").contains("Nội dung đã bị thay đổi sau khi ký");
            assertThat(refused.resolveSibling("xml-tampered-subject.edxml.signatures.json")).exists();
            assertThat(outcomesOfSignatureChecks(office)).containsExactly("refuse");
            assertThat(network.simulator().stats().acceptedSends()).as("nothing reached the axis").isZero();
        }
    }

    @Test
    void should_quarantine_a_document_signed_under_an_unknown_ca() throws Exception {
        try (DemoNetwork network = start(new Properties())) {
            ConnectorRuntime office = network.connector(GOVERNMENT_OFFICE.organId());
            drop(attack("xml-cert-untrusted-ca.edxml"), office);
            Path quarantine = office.settings().dataDirectory().resolve("quarantine/outbound");
            // Held under its document key: the name the DMS gave it is no identity.
            Path quarantined = await().atMost(Duration.ofSeconds(20)).until(() -> vn.lienthong.dms.folder.DroppedFiles.envelopesIn(quarantine).stream()
                    .findFirst().orElse(null), java.util.Objects::nonNull);
            assertThat(quarantined.getFileName().toString()).matches("[0-9a-f]{64}\\.edxml");
            assertThat(quarantined.resolveSibling(quarantined.getFileName() + ".signatures.txt")).content(StandardCharsets.UTF_8)
                    .contains("CHAIN_UNTRUSTED").contains("xml-cert-untrusted-ca.edxml");
            assertThat(outcomesOfSignatureChecks(office)).containsExactly("quarantine");
        }
    }

    @Test
    void should_refuse_an_incoming_tampered_document_and_never_deliver_it() throws Exception {
        try (DemoNetwork network = start(new Properties())) {
            ConnectorRuntime office = network.connector(GOVERNMENT_OFFICE.organId());
            try (AxisClient ngheAnWithoutConnector = network.axisClientOf(NGHE_AN.organId())) {
                ngheAnWithoutConnector.sendEdoc(attack("xml-tampered-attachment.edxml"), NGHE_AN.organId(), MessageType.EDOC,
                        List.of(GOVERNMENT_OFFICE.organId()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> outcomesOfSignatureChecks(office).contains("refuse"));
            // Held, not dropped: tracked as REFUSED with the signature report beside the stored envelope.
            var held = await().atMost(Duration.ofSeconds(20)).until(() -> office.tracker().held(List.of(), 10), list -> !list.isEmpty());
            assertThat(held.get(0).state()).isEqualTo(vn.lienthong.tracking.DocumentState.REFUSED);
            assertThat(held.get(0).stateReason()).contains("DIGEST_MISMATCH");
            Path stored = office.settings().dataDirectory().resolve("store").resolve(held.get(0).key().value() + ".edxml");
            assertThat(stored.resolveSibling(stored.getFileName() + ".signatures.txt")).exists();
            assertThat(Traffic.envelopeCount(office.settings().inbox())).isZero();
        }
    }

    @Test
    void should_sign_outgoing_envelopes_with_the_agency_key_so_the_recipient_can_verify_them() throws Exception {
        Path password = Files.writeString(root.resolve("signing.secret"), new String(pki.pkcs12Password()));
        Properties signing = new Properties();
        signing.setProperty("lienthong.signing.pkcs12", pki.pkcs12(pki.seal()).toString());
        signing.setProperty("lienthong.signing.secret-file", password.toString());
        try (DemoNetwork network = start(signing)) {
            ConnectorRuntime office = network.connector(GOVERNMENT_OFFICE.organId());
            ConnectorRuntime ngheAn = network.connector(NGHE_AN.organId());
            drop(Fixtures.samples().resolve("edoc-type0-new.edxml"), office);
            await().atMost(Duration.ofSeconds(30)).until(() -> Traffic.envelopeCount(ngheAn.settings().inbox()) == 1);

            Path delivered;
            try (var files = Files.list(ngheAn.settings().inbox())) {
                delivered = files.filter(file -> file.getFileName().toString().endsWith(".edxml")).findFirst().orElseThrow();
            }
            Properties defaults = vn.lienthong.config.ConnectorProperties.load(null);
            defaults.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
            DocumentSignatures signatures = DocumentVerifier.create(SignatureSettings.from(defaults, root),
                    ReadLimits.DEFAULTS, Files.createDirectories(root.resolve("verify-spool")), Clock.systemUTC()).verify(delivered);
            assertThat(signatures.verdict()).isEqualTo(Verdict.VALID);
            assertThat(signatures.checks().get(0).signer().serialNumber())
                    .isEqualTo(pki.seal().certificate().getSerialNumber().toString(16));
        }
    }
}
