package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.Frontier;
import vn.lienthong.audit.tree.MerkleTree;
import vn.lienthong.audit.tree.TreeHead;

class LogTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private TransmissionLog log;
    private LogTree tree;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(dataDirectory);
        log = new TransmissionLog(database, Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC));
        tree = new LogTree(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void the_stored_tree_follows_the_log_in_steps_and_its_proofs_verify() throws Exception {
        append(1500);
        assertThat(tree.extend(7)).isEqualTo(7);
        assertThat(tree.extend(1234)).isEqualTo(1234);
        assertThat(tree.extend(Long.MAX_VALUE)).isEqualTo(1500);
        append(3);
        assertThat(tree.extend(Long.MAX_VALUE)).isEqualTo(1503);
        assertThat(tree.size()).isEqualTo(1503);

        List<byte[]> leaves = log.all(1, 2000).stream().map(e -> MerkleTree.leafHash(HEX.parseHex(e.entryHash())))
                .toList();
        for (int size : new int[] {1, 2, 7, 1024, 1025, 1503}) {
            Frontier frontier = new Frontier();
            leaves.subList(0, size).forEach(frontier::add);
            assertThat(tree.root(size)).as("root of %d", size).isEqualTo(frontier.root());
        }
        byte[] root = tree.root(1503);
        assertThat(MerkleTree.rootFromInclusion(999, 1503, leaves.get(999), tree.inclusionProof(1000, 1503)))
                .isEqualTo(root);
        MerkleTree.verifyConsistency(1025, 1503, tree.root(1025), root, tree.consistencyProof(1025, 1503));
        assertThat(MerkleTree.rootFromRange(99, 1200, 1503, leaves.subList(99, 1200).iterator(),
                tree.rangeProof(100, 1200, 1503))).isEqualTo(root);
    }

    @Test
    void anchors_wait_for_their_time_stamp_and_say_how_they_stand() throws Exception {
        append(3);
        tree.extend(3);
        AnchorStore anchors = new AnchorStore(database);
        TreeHead head = new TreeHead("G01", 3, HEX.formatHex(tree.root(3)), log.all(3, 1).get(0).entryHash(),
                Instant.parse("2026-12-05T03:00:00Z"));
        Anchor anchor = new Anchor(head, "SHA256withRSA", new byte[] {1, 2, 3}, List.of(), null, null);
        assertThat(anchors.save(anchor, head.time())).isTrue();
        assertThat(anchors.save(anchor, head.time())).isFalse();
        anchors.stampFailed(3, "the TSA is down");
        assertThat(anchors.standing().waiting()).isEqualTo(1);
        assertThat(anchors.standing().lastError()).contains("the TSA is down");
        assertThat(anchors.waiting()).singleElement().satisfies(a -> assertThat(a.head()).isEqualTo(head));

        anchors.stamped(3, new byte[] {9}, Instant.parse("2026-12-05T03:01:00Z"));
        assertThat(anchors.standing().waiting()).isZero();
        assertThat(anchors.firstStampedCovering(2)).get().satisfies(a -> {
            assertThat(a.timestamp()).containsExactly(9);
            assertThat(a.signature()).containsExactly(1, 2, 3);
        });
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            log.append("key-" + i, "intake-accepted", "ok", 1, null, "entry " + i);
        }
    }
}
