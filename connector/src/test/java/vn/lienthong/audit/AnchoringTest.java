package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.stamp.HeadSignature;
import vn.lienthong.audit.stamp.LoopbackTsa;
import vn.lienthong.audit.stamp.TimestampCheck;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.signature.xml.TestCredentials;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

class AnchoringTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path data;

    private TrackingDatabase database;
    private TransmissionLog log;
    private LogTree tree;
    private AnchorStore anchors;
    private LoopbackTsa tsa;
    private Anchoring anchoring;

    @BeforeEach
    void open() throws Exception {
        database = TrackingDatabase.openH2(data);
        log = new TransmissionLog(database, Clock.systemUTC());
        tree = new LogTree(database);
        anchors = new AnchorStore(database);
        tsa = LoopbackTsa.start(0);
    }

    @AfterEach
    void close() {
        if (anchoring != null) {
            anchoring.close();
        }
        tsa.close();
        database.close();
    }

    private Anchoring anchoring(Duration interval, long every) {
        AnchoringSettings settings = new AnchoringSettings(interval, every, Optional.of(tsa.url()),
                Duration.ofSeconds(5), Duration.ofMillis(200));
        anchoring = new Anchoring(settings, log, tree, anchors, TestCredentials.RSA_SIGNER.signingKey(), "000.00.00.G01",
                new TsaClient(tsa.url(), Duration.ofSeconds(5)), Clock.systemUTC());
        return anchoring;
    }

    @Test
    void an_anchor_signs_the_tree_head_is_stamped_over_its_signature_and_is_recorded_in_the_log() throws Exception {
        append(25);
        Anchor anchor = anchoring(Duration.ofHours(1), 0).anchorNow().orElseThrow();

        assertThat(anchor.head().size()).isEqualTo(25);
        assertThat(anchor.head().root()).isEqualTo(HEX.formatHex(tree.root(25)));
        assertThat(anchor.head().last()).isEqualTo(log.all(25, 1).get(0).entryHash());
        HeadSignature.verify(anchor.algorithm(), anchor.signature(), anchor.certificates().get(0), anchor.head().bytes());
        TimestampCheck.Verified stamp = TimestampCheck.verify(anchor.timestamp(), anchor.signature(), tsa.certificate());
        assertThat(stamp.pinned()).isTrue();

        LogEvent recorded = log.all(26, 10).get(0);
        assertThat(recorded.step()).isEqualTo(Anchoring.ANCHORED);
        assertThat(recorded.contentHash()).isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256")
                .digest(anchor.signature())));
        assertThat(recorded.detail()).isEqualTo("tree size 25 root " + anchor.head().root());

        // Asked now, it anchors its own entry too; the job on its own leaves a log that only has its own entries.
        assertThat(anchoring.anchorNow().orElseThrow().head().size()).isEqualTo(26);
        assertThat(anchors.between(0, Long.MAX_VALUE)).hasSize(2);
    }

    @Test
    void heads_wait_signed_while_the_authority_is_down_and_are_all_stamped_when_it_is_back() {
        append(3);
        tsa.setAvailable(false);
        anchoring(Duration.ofHours(1), 5).start();
        Anchor waiting = anchoring.anchorNow().orElseThrow();
        assertThat(waiting.stamped()).isFalse();
        append(5); // the job anchors again by count while the authority is still down
        await().atMost(Duration.ofSeconds(30)).until(() -> anchors.waiting().size() == 2);

        Anchoring.Standing standing = anchoring.standing();
        assertThat(standing.anchors().waiting()).isEqualTo(2);
        assertThat(standing.anchors().lastError()).get().asString().contains("503");
        assertThat(log.all(1, 100).stream().filter(e -> e.step().equals(Anchoring.DELAYED))).hasSize(1);

        tsa.setAvailable(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> anchors.waiting().isEmpty());
        List<Anchor> all = anchors.between(0, Long.MAX_VALUE);
        assertThat(all).extracting(a -> a.head().size()).containsExactly(3L, 9L);
        assertThat(all).allMatch(Anchor::stamped);
        assertThat(log.all(1, 100).stream().filter(e -> e.step().equals(Anchoring.ANCHORED))).hasSize(2);
        assertThat(anchoring.standing().anchors().waiting()).isZero();
    }

    @Test
    void a_tree_that_reaches_n_new_entries_is_anchored_without_waiting_for_the_interval() {
        anchoring(Duration.ofHours(1), 10).start();
        append(9);
        append(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> anchors.latest().filter(Anchor::stamped).isPresent());
        assertThat(anchors.latest().orElseThrow().head().size()).isEqualTo(10);
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            log.append("key-" + i, "intake-accepted", "ok", 1, null, "entry " + i);
        }
    }

}
