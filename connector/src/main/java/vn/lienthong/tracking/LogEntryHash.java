package vn.lienthong.tracking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that chains transmission log entries, defined so that an auditor can recompute it with any tool.
 *
 * <p>{@code entryHash} is the lower-case hex SHA-256 of the concatenation of nine fields, in this order:
 * sequence, time, documentKey, step, outcome, attempt, contentHash, detail, previousHash. Each field is
 * written as:
 * <ul>
 *   <li>present: the byte length of its UTF-8 text in decimal, {@code ':'}, the UTF-8 bytes, {@code ','}
 *       (a netstring), e.g. {@code "ok"} becomes {@code 2:ok,} and {@code ""} becomes {@code 0:,};</li>
 *   <li>null: the two bytes {@code -,} (no present field starts with {@code '-'}, so null and empty differ).</li>
 * </ul>
 * The text of sequence and attempt is plain decimal ({@code 17}, {@code -1}); the time is ISO-8601 in UTC with
 * exactly three fraction digits ({@code 2026-03-01T08:00:00.000Z}); previousHash of the first entry is
 * 64 zeros. The length prefixes make the encoding unambiguous whatever the fields contain.
 *
 * <p>The same computation in Python, for an auditor holding a JSON-lines export:
 * <pre>{@code
 * import hashlib, json
 * def field(v):
 *     if v is None: return b"-,"
 *     b = str(v).encode("utf-8"); return str(len(b)).encode() + b":" + b + b","
 * for line in open("log.jsonl", encoding="utf-8"):
 *     e = json.loads(line)
 *     names = ["sequence", "time", "documentKey", "step", "outcome", "attempt", "contentHash", "detail", "previousHash"]
 *     assert hashlib.sha256(b"".join(field(e[n]) for n in names)).hexdigest() == e["entryHash"]
 * }</pre>
 */
public final class LogEntryHash {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LogEntryHash() {
    }

    /** The time as hashed and exported: ISO-8601 UTC with exactly three fraction digits. */
    public static String canonicalTime(Instant time) {
        return TIME.format(time);
    }

    public static String of(long sequence, Instant time, String documentKey, String step, String outcome,
            int attempt, String contentHash, String detail, String previousHash) {
        byte[] encoded = canonicalEncoding(sequence, time, documentKey, step, outcome, attempt, contentHash, detail,
                previousHash);
        return HexFormat.of().formatHex(sha256().digest(encoded));
    }

    /** Recomputes the hash from an entry's own fields, ignoring its stored entryHash. */
    public static String recompute(LogEvent event) {
        return of(event.sequence(), event.time(), event.documentKey(), event.step(), event.outcome(), event.attempt(),
                event.contentHash(), event.detail(), event.previousHash());
    }

    static byte[] canonicalEncoding(long sequence, Instant time, String documentKey, String step, String outcome,
            int attempt, String contentHash, String detail, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, Long.toString(sequence));
        field(out, canonicalTime(time));
        field(out, documentKey);
        field(out, step);
        field(out, outcome);
        field(out, Integer.toString(attempt));
        field(out, contentHash);
        field(out, detail);
        field(out, previousHash);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-,".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write(',');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
