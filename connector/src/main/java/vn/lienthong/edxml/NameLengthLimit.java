package vn.lienthong.edxml;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops an XML name longer than the limit before the parser takes it in. Woodstox reads a whole element or
 * attribute name into memory before any of our code sees it, and has no limit of its own for names, so a 400 MB name
 * once cost the heap gigabytes. This stream watches the bytes on their way to the parser, in a small state machine
 * that knows just enough XML to tell markup from text: it measures every name in a tag (element, attribute, namespace
 * prefix), in an end tag, a processing instruction's target and an entity reference, and skips text, attribute
 * values, comments and CDATA. It never changes a byte; on well-formed XML it is exact, and on anything else the
 * parser reports its own fault.
 * <p>
 * The XML's encoding is known from its first bytes (as XML 1.0 appendix F describes): code units of one byte (UTF-8
 * and the single-byte encodings), two (UTF-16) or four (UTF-32). A name is measured in characters (UTF-8 continuation
 * bytes and UTF-16 low surrogates do not count) and, so that no encoding can hide a long name, in code units too: at
 * most four per character.
 * <p>
 * The envelope reader uses it, and so does the SOAP interface for the requests it parses before it knows the caller.
 */
public final class NameLengthLimit extends FilterInputStream {

    /** A name is longer than the limit; where it starts, in lines and characters. */
    public static final class NameTooLongException extends IOException {

        private final int limit;
        private final int line;
        private final int column;

        NameTooLongException(int limit, int line, int column) {
            super("an XML name is longer than " + limit + " characters", null);
            this.limit = limit;
            this.line = line;
            this.column = column;
        }

        public int limit() {
            return limit;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private enum State {
        TEXT, AFTER_LT, BANG, BANG_DASH, CDATA_OPEN, COMMENT, CDATA, TAG, END_TAG, DECLARATION, VALUE, REFERENCE,
        PI_TARGET, PI_BODY, PI_QUESTION
    }

    private static final String CDATA_KEYWORD = "[CDATA[";

    private final int limit;
    private final int unitWidth;
    private final boolean bigEndian;
    private final byte[] partialUnit = new byte[4];
    private int partialBytes;

    private State state = State.TEXT;
    /** Where an entity reference returns to: text or an attribute value. */
    private State afterReference = State.TEXT;
    private int quote;
    private int matched;
    private int nameCharacters;
    private int nameUnits;
    private int nameLine;
    private int nameColumn;
    private int line = 1;
    private int column;

    /** {@code in} with its names measured; its first bytes are peeked to tell the encoding. */
    public static InputStream of(InputStream in, int limit) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(4);
        byte[] prefix = buffered.readNBytes(4);
        buffered.reset();
        return new NameLengthLimit(buffered, limit, prefix);
    }

    /** {@code prefix}: the first bytes of the stream (peeked, not consumed), to tell the encoding. */
    NameLengthLimit(InputStream in, int limit, byte[] prefix) {
        super(in);
        this.limit = limit;
        int[] encoding = encodingOf(prefix);
        this.unitWidth = encoding[0];
        this.bigEndian = encoding[1] == 1;
    }

    /** {width in bytes, 1 when big-endian}, from a byte order mark or the bytes of {@code <?} (XML 1.0 appendix F). */
    private static int[] encodingOf(byte[] p) {
        if (starts(p, 0x00, 0x00, 0xFE, 0xFF) || starts(p, 0x00, 0x00, 0x00, 0x3C)) {
            return new int[] {4, 1};
        }
        if (starts(p, 0xFF, 0xFE, 0x00, 0x00) || starts(p, 0x3C, 0x00, 0x00, 0x00)) {
            return new int[] {4, 0};
        }
        if (starts(p, 0xFE, 0xFF) || starts(p, 0x00, 0x3C, 0x00, 0x3F)) {
            return new int[] {2, 1};
        }
        if (starts(p, 0xFF, 0xFE) || starts(p, 0x3C, 0x00, 0x3F, 0x00)) {
            return new int[] {2, 0};
        }
        return new int[] {1, 1};
    }

    private static boolean starts(byte[] bytes, int... expected) {
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            observe(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            observe(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would go unseen; the parser never skips, so read them instead.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    private void observe(byte[] bytes, int offset, int length) throws NameTooLongException {
        if (unitWidth == 1) {
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                if (state == State.TEXT) {
                    i = skipText(bytes, i, end);
                    if (i == end) {
                        return;
                    }
                }
                int unit = bytes[i] & 0xFF;
                unit(unit, (unit & 0xC0) != 0x80);
            }
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            partialUnit[partialBytes++] = bytes[i];
            if (partialBytes == unitWidth) {
                int unit = 0;
                for (int j = 0; j < unitWidth; j++) {
                    int b = partialUnit[bigEndian ? j : unitWidth - 1 - j] & 0xFF;
                    unit = (unit << 8) | b;
                }
                partialBytes = 0;
                unit(unit, unit < 0xDC00 || unit > 0xDFFF);
            }
        }
    }

    /**
     * Text (most of an envelope: its base64 attachments) holds no name: only a '<' or an '&' ends it. Runs through it
     * in one tight loop, keeping the line and column, and returns where the next unit that matters is (or {@code end}).
     */
    private int skipText(byte[] bytes, int from, int end) {
        int lines = line;
        int columns = column;
        int i = from;
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b == '<' || b == '&') {
                break;
            }
            if (b == '\n') {
                lines++;
                columns = 0;
            } else if ((b & 0xC0) != 0x80) {
                columns++;
            }
        }
        line = lines;
        column = columns;
        return i;
    }

    /** One code unit; {@code startsCharacter} is false for the continuation of a character already counted. */
    private void unit(int unit, boolean startsCharacter) throws NameTooLongException {
        if (unit == '\n') {
            line++;
            column = 0;
        } else if (startsCharacter) {
            column++;
        }
        switch (state) {
            case TEXT -> {
                if (unit == '<') {
                    state = State.AFTER_LT;
                } else if (unit == '&') {
                    startReference(State.TEXT);
                }
            }
            case AFTER_LT -> {
                if (unit == '!') {
                    state = State.BANG;
                } else if (unit == '?') {
                    state = State.PI_TARGET;
                } else if (unit == '/') {
                    state = State.END_TAG;
                } else {
                    state = State.TAG;
                    inTag(unit, startsCharacter);
                }
            }
            case BANG -> {
                if (unit == '-') {
                    state = State.BANG_DASH;
                } else if (unit == '[') {
                    state = State.CDATA_OPEN;
                    matched = 1;
                } else {
                    state = State.DECLARATION;
                    inTag(unit, startsCharacter);
                }
            }
            case BANG_DASH -> {
                state = unit == '-' ? State.COMMENT : State.DECLARATION;
                matched = 0;
            }
            case CDATA_OPEN -> {
                if (unit == CDATA_KEYWORD.charAt(matched)) {
                    matched++;
                    if (matched == CDATA_KEYWORD.length()) {
                        state = State.CDATA;
                        matched = 0;
                    }
                } else {
                    state = State.DECLARATION;
                }
            }
            case COMMENT -> {
                if (unit == '-') {
                    matched++;
                } else {
                    if (unit == '>' && matched >= 2) {
                        state = State.TEXT;
                    }
                    matched = 0;
                }
            }
            case CDATA -> {
                if (unit == ']') {
                    matched++;
                } else {
                    if (unit == '>' && matched >= 2) {
                        state = State.TEXT;
                    }
                    matched = 0;
                }
            }
            case TAG, END_TAG, DECLARATION -> inTag(unit, startsCharacter);
            case VALUE -> {
                if (unit == quote) {
                    state = State.TAG;
                } else if (unit == '&') {
                    startReference(State.VALUE);
                }
            }
            case REFERENCE -> {
                if (isNameUnit(unit)) {
                    countName(startsCharacter);
                } else {
                    endName();
                    state = afterReference;
                    if (afterReference == State.VALUE && unit == quote) {
                        state = State.TAG;
                    } else if (afterReference == State.TEXT && unit == '<') {
                        state = State.AFTER_LT;
                    }
                }
            }
            case PI_TARGET -> {
                if (isNameUnit(unit)) {
                    countName(startsCharacter);
                } else {
                    endName();
                    state = unit == '?' ? State.PI_QUESTION : State.PI_BODY;
                }
            }
            case PI_BODY -> {
                if (unit == '?') {
                    state = State.PI_QUESTION;
                }
            }
            case PI_QUESTION -> {
                if (unit == '>') {
                    state = State.TEXT;
                } else if (unit != '?') {
                    state = State.PI_BODY;
                }
            }
            default -> throw new IllegalStateException("no such state " + state);
        }
    }

    /** Inside a start tag, an end tag or a markup declaration, outside quotes: names, quotes, and the closing '>'. */
    private void inTag(int unit, boolean startsCharacter) throws NameTooLongException {
        if (isNameUnit(unit)) {
            countName(startsCharacter);
            return;
        }
        endName();
        if (unit == '"' || unit == '\'') {
            quote = unit;
            state = State.VALUE;
        } else if (unit == '>') {
            state = State.TEXT;
        } else if (unit == '<') {
            state = State.AFTER_LT;
        } else if (unit == '[' && state == State.DECLARATION) {
            state = State.TEXT; // a DOCTYPE's internal subset holds markup of its own (and is refused anyway)
        }
    }

    private void startReference(State returnTo) {
        afterReference = returnTo;
        state = State.REFERENCE;
    }

    /** Anything but XML's delimiters and white space may be part of a name, as far as length goes. */
    private static boolean isNameUnit(int unit) {
        return switch (unit) {
            case ' ', '\t', '\n', '\r', '<', '>', '/', '=', '"', '\'', '?', '!', '&', ';', '[', ']' -> false;
            default -> true;
        };
    }

    private void countName(boolean startsCharacter) throws NameTooLongException {
        if (nameUnits == 0) {
            nameLine = line;
            nameColumn = column;
        }
        nameUnits++;
        if (startsCharacter) {
            nameCharacters++;
        }
        if (nameCharacters > limit || nameUnits > 4L * limit) {
            throw new NameTooLongException(limit, nameLine, nameColumn);
        }
    }

    private void endName() {
        nameCharacters = 0;
        nameUnits = 0;
    }
}
