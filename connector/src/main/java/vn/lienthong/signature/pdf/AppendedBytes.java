package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.findings.Bilingual;

/**
 * What the bytes after a signed revision are, read as the PDF standard lays out an incremental update (ISO 32000-1
 * §7.5.6): each later revision ends in {@code startxref N %%EOF}, where N points at its own cross-reference section
 * ({@code xref} table or an {@code /XRef} stream) whose trailer names the revision before it with {@code /Prev}.
 * Anything else is not a revision: bytes after the last {@code %%EOF}, or a "revision" without its own xref.
 */
final class AppendedBytes {

    /** More than any honest later revision (a second signature, validation data) weighs; beyond, nothing is trusted. */
    static final int MAX_EXAMINED = 64 * 1024 * 1024;
    private static final int SIGNED_TAIL = 2048;
    private static final String EOF = "%%EOF";
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)\\s*$");
    private static final Pattern PREV = Pattern.compile("/Prev\\s+(\\d+)");
    private static final Pattern XREF_STREAM = Pattern.compile("^\\d+\\s+\\d+\\s+obj\\s*<<");

    enum Shape {
        /** Nothing, or only white space: the signature covers the file. */
        NONE,
        /** One or more real incremental updates. */
        REVISIONS,
        /** Bytes after the last %%EOF that are not a revision. */
        TRAILING_BYTES,
        /** Bytes ending in %%EOF that do not form a revision (no own xref, no /Prev to the revision before). */
        NOT_A_REVISION,
        /** More bytes than are examined. */
        TOO_LARGE
    }

    /** What the bytes are, how many revisions they hold, and (when they are not revisions) why, in both languages. */
    record Outcome(Shape shape, int revisions, long trailingBytes, Bilingual why) {
    }

    private AppendedBytes() {
    }

    static Outcome examine(SignedFile file, long signedEnd) throws IOException {
        long appended = file.length() - signedEnd;
        if (appended > MAX_EXAMINED) {
            return new Outcome(Shape.TOO_LARGE, 0, appended, new Bilingual(
                    "phần thêm vào sau chữ ký quá lớn để kiểm tra (" + appended + " byte)",
                    "the bytes added after the signature are too many to examine (" + appended + ")"));
        }
        String added = new String(file.read(signedEnd, (int) appended), StandardCharsets.ISO_8859_1);
        if (isWhitespace(added)) {
            return new Outcome(Shape.NONE, 0, 0, null);
        }
        long previousStartxref = signedStartxref(file, signedEnd);
        int revisions = 0;
        int start = 0;
        for (int eof = added.indexOf(EOF); eof >= 0; eof = added.indexOf(EOF, start)) {
            String revision = added.substring(start, eof);
            Long startxref = startxrefOf(revision);
            if (startxref == null) {
                return notARevision(revisions, "không có startxref trước %%EOF", "there is no startxref before its %%EOF");
            }
            int at = (int) (startxref - signedEnd - start);
            if (startxref < signedEnd + start || at >= revision.length()) {
                return notARevision(revisions, "startxref không trỏ vào chính phần cập nhật đó",
                        "its startxref does not point into the update itself");
            }
            Long prev = prevOf(revision.substring(at));
            if (prev == null || prev != previousStartxref) {
                return notARevision(revisions, "bảng tham chiếu chéo không dẫn về bản trước (/Prev)",
                        "its cross-reference section does not lead back to the revision before (/Prev)");
            }
            previousStartxref = startxref;
            revisions++;
            start = eof + EOF.length();
        }
        String trailing = added.substring(start);
        if (!isWhitespace(trailing)) {
            long count = trailing.strip().length();
            return new Outcome(Shape.TRAILING_BYTES, revisions, count, new Bilingual(
                    count + " byte sau dấu %%EOF cuối cùng không thuộc bản sửa đổi nào",
                    count + " bytes after the last %%EOF belong to no revision"));
        }
        return new Outcome(Shape.REVISIONS, revisions, 0, null);
    }

    private static Outcome notARevision(int revisionsBefore, String vietnamese, String english) {
        return new Outcome(Shape.NOT_A_REVISION, revisionsBefore, 0, new Bilingual(
                "phần thêm vào thứ " + (revisionsBefore + 1) + " không phải một bản cập nhật tăng dần: " + vietnamese,
                "added part " + (revisionsBefore + 1) + " is not an incremental update: " + english));
    }

    /** The N of {@code startxref N} at the end of the signed revision; -1 when it has none. */
    private static long signedStartxref(SignedFile file, long signedEnd) throws IOException {
        long from = Math.max(0, signedEnd - SIGNED_TAIL);
        String tail = new String(file.read(from, (int) (signedEnd - from)), StandardCharsets.ISO_8859_1);
        int eof = tail.lastIndexOf(EOF);
        Long startxref = eof < 0 ? null : startxrefOf(tail.substring(0, eof));
        return startxref == null ? -1 : startxref;
    }

    private static Long startxrefOf(String beforeEof) {
        // Only the last "startxref" can be followed by nothing but its number and white space: look there, not
        // through a signature's tens of thousands of hex digits before it.
        int last = beforeEof.lastIndexOf("startxref");
        if (last < 0) {
            return null;
        }
        Matcher matcher = STARTXREF.matcher(beforeEof).region(last, beforeEof.length());
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }

    /** The /Prev of the cross-reference section that starts {@code section}: an xref table's trailer or an xref stream. */
    private static Long prevOf(String section) {
        String dictionary;
        if (section.startsWith("xref")) {
            int trailer = section.indexOf("trailer");
            int end = section.indexOf("startxref", Math.max(trailer, 0));
            if (trailer < 0 || end < 0) {
                return null;
            }
            dictionary = section.substring(trailer, end);
        } else if (XREF_STREAM.matcher(section).find()) {
            int stream = section.indexOf("stream");
            dictionary = stream < 0 ? "" : section.substring(0, stream);
            if (!dictionary.matches("(?s).*/Type\\s*/XRef.*")) {
                return null;
            }
        } else {
            return null;
        }
        Matcher prev = PREV.matcher(dictionary);
        return prev.find() ? Long.valueOf(prev.group(1)) : null;
    }

    static boolean isWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\r' && c != '\n' && c != '\t' && c != '\f' && c != 0) {
                return false;
            }
        }
        return true;
    }
}
