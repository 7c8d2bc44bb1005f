package vn.lienthong.audit.tree;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an anchor signs: the state of the transmission log at one moment, as a short UTF-8 text that any tool can
 * read and {@code openssl dgst -verify} can check. Six lines, each ending in LF:
 * <pre>
 * lienthong-tree-head/1
 * agency: 000.00.00.G01
 * size: 1234
 * root: (64 hex digits: the Merkle root of entries 1..size, see MerkleTree)
 * last: (64 hex digits: the entryHash of entry size, or 64 zeros when size is 0)
 * time: 2026-12-05T03:00:00.000Z
 * </pre>
 * Both hashes commit to the whole log up to {@code size}: the root through the tree, the last entry through the
 * hash chain; the root gives short proofs, the last hash ties the head to a plain export.
 */
public record TreeHead(String agency, long size, String root, String last, Instant time) {

    public static final String FORMAT = "lienthong-tree-head/1";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern AGENCY = Pattern.compile("[\\p{Alnum}.\\-_]{0,64}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> KEYS = List.of("agency", "size", "root", "last", "time");

    public TreeHead {
        if (agency == null || !AGENCY.matcher(agency).matches()) {
            throw new IllegalArgumentException("an agency code of letters, digits, '.', '-' or '_' is required");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size");
        }
        if (root == null || !HEX64.matcher(root).matches() || last == null || !HEX64.matcher(last).matches()) {
            throw new IllegalArgumentException("root and last must be 64 lower-case hex digits");
        }
        time = Instant.ofEpochMilli(time.toEpochMilli());
    }

    /** The signed text. */
    public String text() {
        return FORMAT + "\nagency: " + agency + "\nsize: " + size + "\nroot: " + root + "\nlast: " + last
                + "\ntime: " + TIME.format(time) + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a head back from its exact text; anything else (extra spaces, other order, CRLF) is refused. */
    public static TreeHead parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 7 || !lines[0].equals(FORMAT) || !lines[6].isEmpty()) {
            throw new IllegalArgumentException("not a " + FORMAT + " text");
        }
        String[] values = new String[KEYS.size()];
        for (int i = 0; i < KEYS.size(); i++) {
            String prefix = KEYS.get(i) + ": ";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new IllegalArgumentException("line " + (i + 2) + " of a tree head must start with '" + prefix + "'");
            }
            values[i] = lines[i + 1].substring(prefix.length());
        }
        try {
            TreeHead head = new TreeHead(values[0], Long.parseLong(values[1]), values[2], values[3],
                    Instant.from(TIME.parse(values[4])));
            if (!head.text().equals(text)) {
                throw new IllegalArgumentException("a tree head must be written exactly as " + FORMAT + " says");
            }
            return head;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a tree head's size or time cannot be read: " + e.getMessage(), e);
        }
    }
}
