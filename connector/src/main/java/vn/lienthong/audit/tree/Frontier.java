package vn.lienthong.audit.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The root of a Merkle tree (see {@link MerkleTree}) whose leaves arrive one at a time: it keeps only the perfect
 * subtrees along the right edge, at most 64 hashes, so a verifier can stream a log of any length.
 */
public final class Frontier {

    private record Subtree(long size, byte[] hash) {
    }

    private final Deque<Subtree> stack = new ArrayDeque<>();
    private long size;

    public void add(byte[] leafHash) {
        Subtree top = new Subtree(1, leafHash);
        while (!stack.isEmpty() && stack.peek().size() == top.size()) {
            Subtree left = stack.pop();
            top = new Subtree(left.size() * 2, MerkleTree.nodeHash(left.hash(), top.hash()));
        }
        stack.push(top);
        size++;
    }

    public long size() {
        return size;
    }

    /** The root of the leaves added so far: the right-edge subtrees folded from the smallest up. */
    public byte[] root() {
        Iterator<Subtree> smallestFirst = stack.iterator();
        if (!smallestFirst.hasNext()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = smallestFirst.next().hash();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next().hash(), root);
        }
        return root;
    }
}
