package vn.lienthong.audit.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The Merkle tree over the transmission log, exactly as RFC 9162 section 2.1 defines it, so that any Certificate
 * Transparency library or a few lines of any language can check our proofs.
 *
 * <p>Leaf {@code i} (from 0) is log entry {@code i + 1}; its input is the 32 bytes of that entry's entryHash
 * (hex-decoded). {@code leafHash = SHA-256(0x00 || input)}, {@code nodeHash = SHA-256(0x01 || left || right)}, and
 * the root of the empty tree is {@code SHA-256("")}. A tree of {@code n > 1} leaves splits at {@code k}, the largest
 * power of two below {@code n}.
 *
 * <p>Besides the RFC's inclusion and consistency proofs there is a range proof, for an export holding a run of
 * consecutive leaves: the hashes of the largest subtrees outside the run, in the order the RFC's split visits them
 * (left to right). A one-leaf range proof holds the same hashes as an inclusion proof, in the opposite order.
 */
public final class MerkleTree {

    /** The hash of the leaves {@code [start, end)} of the tree; the source of every proof. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(long start, long end);
    }

    /** A proof that does not fit its claims: wrong length, wrong shape, or a root that does not match. */
    public static final class ProofException extends Exception {
        public ProofException(String message) {
            super(message);
        }
    }

    private static final byte[] EMPTY = sha256().digest();

    private MerkleTree() {
    }

    public static byte[] emptyRoot() {
        return EMPTY.clone();
    }

    public static byte[] leafHash(byte[] entryHash) {
        MessageDigest digest = sha256();
        digest.update((byte) 0);
        digest.update(entryHash);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The largest power of two strictly below {@code n} (n > 1). */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** RFC 9162 2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size} leaves, leaf side first. */
    public static List<byte[]> inclusionProof(long index, long size, Subtrees subtrees) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, subtrees, path);
        return path;
    }

    private static void path(long index, long lo, long hi, Subtrees subtrees, List<byte[]> path) {
        if (hi - lo <= 1) {
            return;
        }
        long k = split(hi - lo);
        if (index < lo + k) {
            path(index, lo, lo + k, subtrees, path);
            path.add(subtrees.hash(lo + k, hi));
        } else {
            path(index, lo + k, hi, subtrees, path);
            path.add(subtrees.hash(lo, lo + k));
        }
    }

    /** RFC 9162 2.1.3.2: the root that the audit path of leaf {@code index} leads to. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> path)
            throws ProofException {
        if (index < 0 || index >= size) {
            throw new ProofException("leaf " + index + " is not in a tree of " + size);
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                throw new ProofException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof is shorter than the tree is deep");
        }
        return r;
    }

    /** RFC 9162 2.1.4.1: the proof that the tree of {@code m} leaves is a prefix of the tree of {@code n}. */
    public static List<byte[]> consistencyProof(long m, long n, Subtrees subtrees) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(m, 0, n, true, subtrees, proof);
        return proof;
    }

    private static void subproof(long m, long lo, long hi, boolean whole, Subtrees subtrees, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                proof.add(subtrees.hash(lo, hi));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, subtrees, proof);
            proof.add(subtrees.hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, subtrees, proof);
            proof.add(subtrees.hash(lo, lo + k));
        }
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree of {@code m} leaves to be a prefix of that of {@code n}. */
    public static void verifyConsistency(long m, long n, byte[] oldRoot, byte[] newRoot, List<byte[]> proof)
            throws ProofException {
        if (m <= 0 || m > n) {
            throw new ProofException("no consistency proof can lead from " + m + " to " + n + " entries");
        }
        if (m == n) {
            if (!proof.isEmpty() || !Arrays.equals(oldRoot, newRoot)) {
                throw new ProofException("two heads of " + m + " entries have different roots");
            }
            return;
        }
        List<byte[]> c = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            c.add(0, oldRoot);
        }
        if (c.isEmpty()) {
            throw new ProofException("the consistency proof is empty");
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        for (byte[] h : c.subList(1, c.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(h, fr);
                sr = nodeHash(h, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, h);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof is shorter than the tree is deep");
        }
        if (!Arrays.equals(fr, oldRoot)) {
            throw new ProofException("the older head's root is not a prefix of the newer tree");
        }
        if (!Arrays.equals(sr, newRoot)) {
            throw new ProofException("the consistency proof does not lead to the newer head's root");
        }
    }

    /** The hashes outside the leaves {@code [start, end)} that, with those leaves, give the root of {@code size}. */
    public static List<byte[]> rangeProof(long start, long end, long size, Subtrees subtrees) {
        checkRange(start, end, size);
        List<byte[]> proof = new ArrayList<>();
        range(start, end, 0, size, subtrees, proof);
        return proof;
    }

    private static void range(long start, long end, long lo, long hi, Subtrees subtrees, List<byte[]> proof) {
        if (hi <= start || lo >= end) {
            proof.add(subtrees.hash(lo, hi));
        } else if (lo < start || hi > end) {
            long k = split(hi - lo);
            range(start, end, lo, lo + k, subtrees, proof);
            range(start, end, lo + k, hi, subtrees, proof);
        }
    }

    /**
     * The root given by the leaves {@code [start, end)}, read in order from {@code leaves} (exactly end - start of
     * them), and the range proof; memory stays logarithmic however long the range.
     */
    public static byte[] rootFromRange(long start, long end, long size, Iterator<byte[]> leaves, List<byte[]> proof)
            throws ProofException {
        if (start < 0 || start >= end || end > size) {
            throw new ProofException("entries " + (start + 1) + " to " + end + " are not in a tree of " + size);
        }
        Iterator<byte[]> hashes = proof.iterator();
        byte[] root;
        try {
            root = fold(start, end, 0, size, leaves, hashes);
        } catch (NoSuchElementException e) {
            throw new ProofException("the range proof or the entries end too soon");
        }
        if (hashes.hasNext()) {
            throw new ProofException("the range proof has more hashes than the tree needs");
        }
        return root;
    }

    private static byte[] fold(long start, long end, long lo, long hi, Iterator<byte[]> leaves,
            Iterator<byte[]> hashes) {
        if (hi <= start || lo >= end) {
            return hashes.next();
        }
        if (lo >= start && hi <= end) {
            Frontier frontier = new Frontier();
            for (long i = lo; i < hi; i++) {
                frontier.add(leaves.next());
            }
            return frontier.root();
        }
        long k = split(hi - lo);
        byte[] left = fold(start, end, lo, lo + k, leaves, hashes);
        byte[] right = fold(start, end, lo + k, hi, leaves, hashes);
        return nodeHash(left, right);
    }

    /**
     * The hash of any range {@code [start, end)} from the hashes of perfect, aligned subtrees ({@code perfect}
     * answers only ranges whose length is a power of two and whose start is a multiple of it).
     */
    public static byte[] fromPerfect(long start, long end, Subtrees perfect) {
        long n = end - start;
        if (n <= 0) {
            throw new IllegalArgumentException("an empty range has no subtree hash");
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return perfect.hash(start, end);
        }
        long k = n == 1 ? 1 : split(n);
        return nodeHash(fromPerfect(start, start + k, perfect), fromPerfect(start + k, end, perfect));
    }

    private static void checkRange(long start, long end, long size) {
        if (start < 0 || start >= end || end > size) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") is not a range of a tree of " + size);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
