package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.AttackCorpus;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.VietnameseSentences;

/**
 * The verify command, as an auditor runs it, over the whole attack corpus: the test PKI's root as the trust store,
 * its CRLs as offline revocation data, nothing fetched. Every file gets exactly the verdict it must get.
 */
class VerifyCommandTest {

    @TempDir
    static Path directory;

    private static RevocationServer revocation;
    private static TestPki pki;
    private static List<AttackCorpus.AttackCase> corpus;

    @BeforeAll
    static void writeCorpus() {
        revocation = RevocationServer.start();
        pki = TestPki.generate(directory.resolve("pki"), revocation.base());
        revocation.serve(pki);
        corpus = AttackCorpus.write(pki, directory.resolve("corpus"));
    }

    @AfterAll
    static void stopRevocation() {
        revocation.close();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int verify(List<String> arguments) {
        return Main.run(arguments.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    private List<String> auditorOptions(String... more) {
        List<String> arguments = new ArrayList<>(List.of("verify", "--trust-store", pki.trustStoreDirectory().toString(),
                "--crl", pki.crlFile(pki.intermediate()).toString(), "--crl", pki.crlFile(pki.root()).toString()));
        arguments.addAll(List.of(more));
        return arguments;
    }

    @Test
    void every_file_of_the_attack_corpus_gets_its_expected_verdict_and_reason() throws Exception {
        verify(auditorOptions("--json", directory.resolve("corpus").toString()));
        Map<String, JsonNode> reports = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            JsonNode report = new ObjectMapper().readTree(line);
            reports.put(Path.of(report.get("file").asText()).getFileName().toString(), report);
        }
        assertThat(reports.keySet()).as("one report per file of the corpus")
                .containsAll(corpus.stream().map(attack -> attack.file().getFileName().toString()).toList());
        for (AttackCorpus.AttackCase attack : corpus) {
            JsonNode report = reports.get(attack.file().getFileName().toString());
            assertThat(report.get("verdict").asText()).as(attack.description()).isEqualTo(attack.expectedVerdict());
            List<String> reasons = new ArrayList<>();
            report.get("reasons").forEach(reason -> reasons.add(reason.get("code").asText()));
            report.get("signatures").forEach(signature -> signature.get("reasons")
                    .forEach(reason -> reasons.add(reason.get("code").asText())));
            if (!attack.expectedReason().isEmpty()) {
                assertThat(reasons).as(attack.description()).contains(attack.expectedReason());
            }
        }
    }

    @Test
    void every_reason_given_over_the_attack_corpus_is_told_in_vietnamese_in_its_vietnamese_sentence() throws Exception {
        verify(auditorOptions("--json", directory.resolve("corpus").toString()));
        Set<String> codes = new TreeSet<>();
        for (String line : out.toString().split("\n")) {
            JsonNode report = new ObjectMapper().readTree(line);
            List<JsonNode> reasons = new ArrayList<>();
            report.get("reasons").forEach(reasons::add);
            report.get("signatures").forEach(signature -> signature.get("reasons").forEach(reasons::add));
            for (JsonNode reason : reasons) {
                String code = reason.get("code").asText();
                codes.add(code);
                String vietnamese = reason.get("vi").asText();
                assertThat(VietnameseSentences.englishWordsIn(vietnamese))
                        .as("%s in %s: %s", code, report.get("file").asText(), vietnamese).isEmpty();
            }
        }
        assertThat(codes).as("the corpus gives reasons of every kind").contains("SIGNATURE_MISSING", "DIGEST_MISMATCH",
                "SIGNATURE_VALUE_INVALID", "REFERENCE_NOT_WHOLE_DOCUMENT", "SIGNATURE_MISPLACED", "CERTIFICATE_MISSING",
                "BYTE_RANGE_INVALID", "CHAIN_UNTRUSTED", "CERTIFICATE_SELF_SIGNED", "CERTIFICATE_REVOKED", "KEY_USAGE_NOT_ALLOWED",
                "MODIFIED_AFTER_SIGNING");
    }

    @Test
    void a_valid_document_exits_with_zero_and_a_tampered_one_with_one_with_the_reason_in_both_languages() {
        Path valid = corpus.stream().filter(attack -> attack.file().getFileName().toString().equals("envelope-with-signed-pdfs.edxml"))
                .findFirst().orElseThrow().file();
        Path tampered = corpus.stream().filter(attack -> attack.file().getFileName().toString().equals("xml-tampered-subject.edxml"))
                .findFirst().orElseThrow().file();
        assertThat(verify(auditorOptions(valid.toString()))).isZero();
        assertThat(out.toString()).contains("[HỢP LỆ / VALID]").contains("người ký / signer");
        assertThat(verify(auditorOptions(tampered.toString()))).isEqualTo(1);
        assertThat(out.toString()).contains("DIGEST_MISMATCH")
                .contains("Nội dung đã bị thay đổi sau khi ký").contains("The content was changed after signing");
    }

    @Test
    void without_the_auditor_s_trust_store_the_same_signature_is_indeterminate() {
        Path valid = corpus.stream().filter(attack -> attack.file().getFileName().toString().equals("envelope-rsa-sha256.edxml"))
                .findFirst().orElseThrow().file();
        Path emptyTrust = directory.resolve("no-anchors");
        emptyTrust.toFile().mkdirs();
        int exit = verify(List.of("verify", "--json", "--trust-store", emptyTrust.toString(),
                "--crl", pki.crlFile(pki.intermediate()).toString(), valid.toString()));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("\"verdict\":\"INDETERMINATE\"").contains("NO_TRUST_ANCHOR");
    }

    @Test
    void with_no_configuration_at_all_integrity_is_still_judged_and_trust_is_indeterminate() throws Exception {
        Path valid = corpus.stream().filter(attack -> attack.file().getFileName().toString().equals("letter-signed-by-signer.pdf"))
                .findFirst().orElseThrow().file();
        Path tampered = corpus.stream().filter(attack -> attack.file().getFileName().toString().equals("xml-tampered-subject.edxml"))
                .findFirst().orElseThrow().file();
        Path nothing = java.nio.file.Files.createDirectories(directory.resolve("fresh-folder"));
        Path config = java.nio.file.Files.writeString(nothing.resolve("empty.properties"),
                "lienthong.data.directory=" + nothing.resolve("data") + "\n");

        int exit = verify(List.of("verify", "--config", config.toString(), valid.toString(), tampered.toString()));

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("Chưa có điểm tin cậy").contains("No trust anchor").contains("--trust-store");
        assertThat(out.toString()).contains("NO_TRUST_ANCHOR").contains("DIGEST_MISMATCH")
                .doesNotContain("CHAIN_UNTRUSTED").doesNotContain("Unusable configuration");
        assertThat(nothing.resolve("data")).as("verify creates nothing").doesNotExist();
    }

    @Test
    void a_missing_file_is_a_usage_error() {
        assertThat(verify(auditorOptions(directory.resolve("nothing-here.edxml").toString()))).isEqualTo(2);
    }
}
