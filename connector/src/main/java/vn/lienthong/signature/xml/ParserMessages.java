package vn.lienthong.signature.xml;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import vn.lienthong.findings.Bilingual;

/**
 * Plain phrases in both languages for what the XML parser threw, with the line and column given once, and our own
 * refusals. The parser's own message is English, so only the English phrase quotes it.
 */
final class ParserMessages {

    private static final Pattern WOODSTOX_POSITION = Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$");

    private ParserMessages() {
    }

    /** Thrown by this package's own passes for input they refuse although the parser would read it. */
    static final class Refusal extends XMLStreamException {
        private final String vietnamese;

        /** @param english also the exception's message, for logs and stack traces */
        Refusal(String vietnamese, String english) {
            super(english);
            this.vietnamese = vietnamese;
        }
    }

    /**
     * The parser wraps a failed read of the file in an XMLStreamException; that is an I/O failure, not a bad
     * signature, and is thrown on. Undecodable bytes (CharConversionException) stay a parse error.
     */
    static void rethrowReadFailure(XMLStreamException e) throws IOException {
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
        if (cause instanceof IOException failure && !(cause instanceof CharConversionException)) {
            throw failure;
        }
    }

    static Bilingual notWellFormed(XMLStreamException e) {
        if (e instanceof Refusal refusal) {
            return new Bilingual(refusal.vietnamese, refusal.getMessage());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String firstLine = WOODSTOX_POSITION.matcher(newline >= 0 ? message.substring(0, newline) : message).replaceAll("");
        Location at = e.getLocation();
        if (at == null) {
            return new Bilingual("không phân tích được gói tin thành XML",
                    "the envelope cannot be parsed as XML: " + firstLine.trim());
        }
        return new Bilingual(
                "không phân tích được gói tin thành XML (dòng " + at.getLineNumber() + ", cột " + at.getColumnNumber() + ")",
                "the envelope cannot be parsed as XML (line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                        + "): " + firstLine.trim());
    }
}
