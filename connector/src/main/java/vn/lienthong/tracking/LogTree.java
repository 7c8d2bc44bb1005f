package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.lienthong.audit.tree.MerkleTree;

/**
 * The stored Merkle tree over the transmission log (table merkle_node): extended after the log by the anchoring
 * job, then the source of roots and proofs without a walk over the log, even once old entries are pruned.
 *
 * <p>Extending reads the entry hashes past the tree's size, in pages, and adds each leaf and every subtree that
 * the leaf completes; one transaction per page, never holding the log's head, so appends go on meanwhile.
 */
public final class LogTree {

    private static final int PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;

    public LogTree(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    /** How many entries the stored tree covers. */
    public long size() {
        try {
            return Jdbc.withConnection(dataSource, LogTree::size);
        } catch (SQLException e) {
            throw new TrackingException("could not read the size of the log's tree", e);
        }
    }

    private static long size(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(node_index) + 1, 0) FROM merkle_node WHERE tree_level = 0");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Adds the entries appended since the last call, up to {@code upTo} (at most the log's head), and returns the
     * tree's new size. Refuses to build over a gap: a tree must never cover a log that fails its own chain.
     */
    public synchronized long extend(long upTo) {
        try {
            long size;
            do {
                size = Jdbc.inTransaction(dataSource, connection -> extendPage(connection, upTo));
            } while (size < upTo && size > 0 && size % PAGE == 0 && hasEntry(size + 1));
            return size;
        } catch (SQLException e) {
            throw new TrackingException("could not extend the log's tree", e);
        }
    }

    private boolean hasEntry(long sequence) throws SQLException {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM transmission_log WHERE sequence_no = ?")) {
                select.setLong(1, sequence);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    private long extendPage(Connection connection, long upTo) throws SQLException {
        long size = size(connection);
        long last = Math.min(upTo, size + PAGE - size % PAGE);
        if (last <= size) {
            return size;
        }
        List<byte[]> leaves = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence_no, entry_hash FROM"
                + " transmission_log WHERE sequence_no > ? AND sequence_no <= ? ORDER BY sequence_no")) {
            select.setLong(1, size);
            select.setLong(2, last);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long expected = size + leaves.size() + 1;
                    if (rows.getLong(1) != expected) {
                        throw new TrackingException("entry " + expected + " of the transmission log is missing, so the"
                                + " log's tree stops before it", null);
                    }
                    leaves.add(MerkleTree.leafHash(HEX.parseHex(rows.getString(2))));
                }
            }
        }
        Map<Integer, byte[]> pendingLeft = pendingLefts(connection, size);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO merkle_node (tree_level, node_index, node_hash) VALUES (?, ?, ?)")) {
            long index = size;
            for (byte[] leaf : leaves) {
                byte[] hash = leaf;
                int level = 0;
                long position = index;
                while (true) {
                    add(insert, level, position, hash);
                    if ((position & 1) == 0) {
                        pendingLeft.put(level, hash);
                        break;
                    }
                    hash = MerkleTree.nodeHash(pendingLeft.remove(level), hash);
                    level++;
                    position >>= 1;
                }
                index++;
            }
            insert.executeBatch();
        }
        return size + leaves.size();
    }

    private static void add(PreparedStatement insert, int level, long position, byte[] hash) throws SQLException {
        insert.setInt(1, level);
        insert.setLong(2, position);
        insert.setString(3, HEX.formatHex(hash));
        insert.addBatch();
    }

    /** For each level whose last stored node is a left child, that node: the next one at that level pairs with it. */
    private static Map<Integer, byte[]> pendingLefts(Connection connection, long size) throws SQLException {
        Map<Integer, byte[]> lefts = new HashMap<>();
        for (int level = 0; (size >> level) > 0; level++) {
            long count = size >> level;
            if ((count & 1) == 1) {
                lefts.put(level, node(connection, level, count - 1));
            }
        }
        return lefts;
    }

    private static byte[] node(Connection connection, int level, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT node_hash FROM merkle_node WHERE tree_level = ? AND node_index = ?")) {
            select.setInt(1, level);
            select.setLong(2, position);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the log's tree lacks node " + position + " of level " + level);
                }
                return HEX.parseHex(row.getString(1));
            }
        }
    }

    /** The root over the first {@code size} entries; the stored tree must cover them. */
    public byte[] root(long size) {
        if (size == 0) {
            return MerkleTree.emptyRoot();
        }
        return read(connection -> MerkleTree.fromPerfect(0, size, perfect(connection, size)));
    }

    /** The audit path of entry {@code sequence} in the tree of {@code size} entries (RFC 9162 2.1.3). */
    public List<byte[]> inclusionProof(long sequence, long size) {
        return read(connection -> MerkleTree.inclusionProof(sequence - 1, size, subtrees(connection, size)));
    }

    /** The proof that the tree of {@code fromSize} entries is a prefix of that of {@code toSize} (RFC 9162 2.1.4). */
    public List<byte[]> consistencyProof(long fromSize, long toSize) {
        return read(connection -> MerkleTree.consistencyProof(fromSize, toSize, subtrees(connection, toSize)));
    }

    /** The hashes that, with entries {@code first..last}, give the root of the tree of {@code size} entries. */
    public List<byte[]> rangeProof(long first, long last, long size) {
        return read(connection -> MerkleTree.rangeProof(first - 1, last, size, subtrees(connection, size)));
    }

    private MerkleTree.Subtrees subtrees(Connection connection, long size) {
        MerkleTree.Subtrees perfect = perfect(connection, size);
        return (start, end) -> MerkleTree.fromPerfect(start, end, perfect);
    }

    private static MerkleTree.Subtrees perfect(Connection connection, long size) {
        return (start, end) -> {
            if (end > size) {
                throw new IllegalArgumentException("the tree of " + size + " entries has no subtree up to " + end);
            }
            int level = Long.numberOfTrailingZeros(end - start);
            try {
                return node(connection, level, start >> level);
            } catch (SQLException e) {
                throw new TrackingException("could not read the log's tree", e);
            }
        };
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(Connection connection);
    }

    private <T> T read(Reading<T> reading) {
        try {
            return Jdbc.withConnection(dataSource, reading::read);
        } catch (SQLException e) {
            throw new TrackingException("could not read the log's tree", e);
        }
    }
}
