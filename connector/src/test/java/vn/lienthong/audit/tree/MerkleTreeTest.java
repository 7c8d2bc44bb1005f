package vn.lienthong.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves and roots of the Certificate Transparency reference test vectors (RFC 6962/9162 implementations). */
    private static final List<String> VECTOR_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> VECTOR_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void roots_match_the_certificate_transparency_test_vectors() {
        Frontier frontier = new Frontier();
        assertThat(HEX.formatHex(frontier.root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int i = 0; i < VECTOR_LEAVES.size(); i++) {
            frontier.add(MerkleTree.leafHash(HEX.parseHex(VECTOR_LEAVES.get(i))));
            assertThat(HEX.formatHex(frontier.root())).as("root of %d leaves", i + 1).isEqualTo(VECTOR_ROOTS.get(i));
        }
        List<byte[]> leaves = VECTOR_LEAVES.stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList();
        assertThat(HEX.formatHex(MerkleTree.fromPerfect(0, 8, perfect(leaves)))).isEqualTo(VECTOR_ROOTS.get(7));
    }

    @Test
    void the_first_leaf_of_eight_has_the_reference_audit_path() {
        List<byte[]> leaves = VECTOR_LEAVES.stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList();
        assertThat(MerkleTree.inclusionProof(0, 8, subtrees(leaves)).stream().map(HEX::formatHex)).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    void every_inclusion_proof_leads_to_the_root_and_a_changed_one_does_not() throws Exception {
        List<byte[]> leaves = leaves(70);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = root(leaves, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(index, size, subtrees(leaves));
                assertThat(MerkleTree.rootFromInclusion(index, size, leaves.get(index), path)).isEqualTo(root);
                if (!path.isEmpty()) {
                    List<byte[]> changed = new ArrayList<>(path);
                    changed.set(0, MerkleTree.leafHash(new byte[] {1}));
                    assertThat(MerkleTree.rootFromInclusion(index, size, leaves.get(index), changed)).isNotEqualTo(root);
                }
            }
        }
    }

    @Test
    void every_consistency_proof_verifies_and_a_wrong_old_root_is_refused() throws Exception {
        List<byte[]> leaves = leaves(40);
        for (int n = 1; n <= leaves.size(); n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, subtrees(leaves));
                MerkleTree.verifyConsistency(m, n, root(leaves, m), root(leaves, n), proof);
                if (m < n) {
                    int old = m;
                    int size = n;
                    assertThatThrownBy(() -> MerkleTree.verifyConsistency(old, size, root(leaves, old + 1),
                            root(leaves, size), proof)).isInstanceOf(MerkleTree.ProofException.class);
                }
            }
        }
    }

    @Test
    void every_range_proof_with_its_leaves_gives_the_root() throws Exception {
        List<byte[]> leaves = leaves(37);
        for (int size = 1; size <= leaves.size(); size++) {
            for (int start = 0; start < size; start++) {
                for (int end = start + 1; end <= size; end++) {
                    List<byte[]> proof = MerkleTree.rangeProof(start, end, size, subtrees(leaves));
                    assertThat(MerkleTree.rootFromRange(start, end, size, leaves.subList(start, end).iterator(), proof))
                            .isEqualTo(root(leaves, size));
                }
            }
        }
        List<byte[]> proof = MerkleTree.rangeProof(3, 9, 20, subtrees(leaves));
        assertThatThrownBy(() -> MerkleTree.rootFromRange(3, 9, 20, leaves.subList(3, 8).iterator(), proof))
                .isInstanceOf(MerkleTree.ProofException.class);
    }

    @Test
    void a_tree_head_reads_back_only_from_its_exact_text() {
        TreeHead head = new TreeHead("000.00.00.G01", 12, "a".repeat(64), "b".repeat(64),
                java.time.Instant.parse("2026-12-05T03:00:00.123Z"));
        assertThat(TreeHead.parse(head.text())).isEqualTo(head);
        assertThat(head.text()).isEqualTo("lienthong-tree-head/1\nagency: 000.00.00.G01\nsize: 12\nroot: "
                + "a".repeat(64) + "\nlast: " + "b".repeat(64) + "\ntime: 2026-12-05T03:00:00.123Z\n");
        assertThatThrownBy(() -> TreeHead.parse(head.text().replace("\n", "\r\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeHead.parse(head.text().replace("size: 12", "size:  12")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        return leaves;
    }

    private static byte[] root(List<byte[]> leaves, int size) {
        Frontier frontier = new Frontier();
        leaves.subList(0, size).forEach(frontier::add);
        return frontier.root();
    }

    /** The reference definition: MTH computed straight from the leaves by the RFC's split. */
    private static MerkleTree.Subtrees subtrees(List<byte[]> leaves) {
        return (start, end) -> mth(leaves, (int) start, (int) end);
    }

    private static byte[] mth(List<byte[]> leaves, int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = (int) MerkleTree.split(end - start);
        return MerkleTree.nodeHash(mth(leaves, start, start + k), mth(leaves, start + k, end));
    }

    private static MerkleTree.Subtrees perfect(List<byte[]> leaves) {
        return (start, end) -> {
            assertThat(Long.bitCount(end - start)).isEqualTo(1);
            assertThat(start % (end - start)).isZero();
            return mth(leaves, (int) start, (int) end);
        };
    }
}
