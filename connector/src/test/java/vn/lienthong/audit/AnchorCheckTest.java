package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.signature.xml.TestCredentials;

class AnchorCheckTest {

    @TempDir
    Path data;

    AuditLogFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new AuditLogFixture(data);
        fixture.append("k1", 5);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void a_signed_and_stamped_anchor_with_the_recomputed_root_passes_with_its_times() throws Exception {
        Anchor anchor = fixture.anchor();

        AnchorVerdict verdict = AnchorCheck.verify(anchor, fixture.tree.root(5), fixture.tsa.certificate(),
                TestCredentials.INTERMEDIATE.certificate());

        assertThat(verdict.size()).isEqualTo(5);
        assertThat(verdict.stamped()).isTrue();
        assertThat(verdict.tsaPinned()).isTrue();
        assertThat(verdict.stampTime()).isNotNull();
        assertThat(verdict.signerSubject()).contains("Văn phòng Chính phủ");
    }

    @Test
    void an_anchor_over_another_root_is_named_by_its_tree_size() throws Exception {
        Anchor anchor = fixture.anchor();

        AuditProblem problem = catchThrowableOfType(() -> AnchorCheck.verify(anchor, new byte[32], null, null),
                AuditProblem.class);

        assertThat(problem.code()).isEqualTo("ANCHOR_ROOT_MISMATCH");
        assertThat(problem.sequence()).isEqualTo(5);
        assertThat(problem.vietnamese()).startsWith("Mốc neo của cây 5 mục ký gốc");
        assertThat(problem.english()).startsWith("The anchor of tree size 5 signs root");
    }

    @Test
    void a_forged_signature_is_refused() throws Exception {
        Anchor good = fixture.anchor();
        byte[] forged = good.signature().clone();
        forged[10] ^= 1;
        Anchor anchor = new Anchor(good.head(), good.algorithm(), forged, good.certificates(), good.timestamp(),
                good.stampedAt());

        AuditProblem problem = catchThrowableOfType(() -> AnchorCheck.verify(anchor, null, null, null), AuditProblem.class);

        assertThat(problem.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
        assertThat(problem.vietnamese()).startsWith("Mốc neo của cây 5 mục: Chữ ký của mốc neo không hợp lệ");
    }

    @Test
    void a_time_stamp_over_another_hash_is_refused() throws Exception {
        Anchor good = fixture.anchor();
        byte[] otherToken = new TsaClient(fixture.tsa.url(), Duration.ofSeconds(10))
                .timestamp("something else".getBytes(StandardCharsets.UTF_8));
        Anchor anchor = good.withTimestamp(otherToken, good.stampedAt());

        AuditProblem problem = catchThrowableOfType(() -> AnchorCheck.verify(anchor, null, null, null), AuditProblem.class);

        assertThat(problem.code()).isEqualTo("TIMESTAMP_OTHER_DATA");
        assertThat(problem.sequence()).isEqualTo(5);
    }

    @Test
    void an_unstamped_anchor_is_a_problem_unless_allowed() throws Exception {
        Anchor anchor = fixture.anchor(false);

        AuditProblem problem = catchThrowableOfType(() -> AnchorCheck.verify(anchor, null, null, null), AuditProblem.class);

        assertThat(problem.code()).isEqualTo("ANCHOR_NOT_STAMPED");
        assertThat(AnchorCheck.verify(anchor, null, null, null, true).stamped()).isFalse();
    }

    @Test
    void an_anchor_signed_by_someone_else_than_the_pinned_signer_is_refused() throws Exception {
        Anchor anchor = fixture.anchor();

        AuditProblem problem = catchThrowableOfType(() -> AnchorCheck.verify(anchor, null, null,
                TestCredentials.STRANGER.certificate()), AuditProblem.class);

        assertThat(problem.code()).isEqualTo("ANCHOR_UNTRUSTED_SIGNER");
        assertThat(HexFormat.of().formatHex(fixture.tree.root(5))).isEqualTo(anchor.head().root());
    }
}
