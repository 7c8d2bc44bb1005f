package vn.lienthong.edxml;

import java.io.CharConversionException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * Turns what the XML parser (Woodstox) threw into one plain finding with line and column. The parser's
 * messages are matched here, in one place, and pinned by tests, so a parser upgrade that changes them fails a
 * test rather than degrading the findings unnoticed.
 */
final class XmlProblems {

    private static final Pattern UNDECLARED_PREFIX = Pattern.compile("Undeclared namespace prefix \"([^\"]*)\"");
    private static final Pattern WOODSTOX_POSITION = Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$");

    private XmlProblems() {
    }

    static Problem classify(XMLStreamException e, XMLStreamReader reader, ReadLimits limits) {
        Location location = locationOf(e, reader);
        String message = plainMessage(e);
        if (causeOf(e, EnvelopeTooLargeException.class).isPresent()) {
            return Problem.of(FindingCode.LIMIT_ENVELOPE_SIZE, location, limits.maxEnvelopeBytes());
        }
        Optional<NameLengthLimit.NameTooLongException> longName = causeOf(e, NameLengthLimit.NameTooLongException.class);
        if (longName.isPresent()) {
            return Problem.of(FindingCode.LIMIT_NAME_LENGTH, Location.at(longName.get().line(), longName.get().column()),
                    limits.maxNameLength());
        }
        Optional<CharConversionException> encoding = causeOf(e, CharConversionException.class);
        if (encoding.isPresent()) {
            return Problem.of(FindingCode.XML_ENCODING_INVALID, location, encoding.get().getMessage());
        }
        if (e instanceof com.ctc.wstx.exc.WstxEOFException) {
            return Problem.of(FindingCode.XML_TRUNCATED, location);
        }
        Matcher prefix = UNDECLARED_PREFIX.matcher(message);
        if (prefix.find()) {
            return Problem.of(FindingCode.XML_UNDECLARED_PREFIX, location, prefix.group(1), prefix.group(1));
        }
        if (message.startsWith("Text size limit")) {
            return Problem.of(FindingCode.LIMIT_TEXT_LENGTH, location, limits.maxTextLength());
        }
        if (message.startsWith("Maximum Element Depth limit")) {
            return Problem.of(FindingCode.LIMIT_NESTING_DEPTH, location, limits.maxDepth());
        }
        if (message.startsWith("Maximum Element Count limit")) {
            return Problem.of(FindingCode.LIMIT_ELEMENT_COUNT, location, limits.maxElements());
        }
        if (message.startsWith("Attribute limit")) {
            return Problem.of(FindingCode.LIMIT_ATTRIBUTE_COUNT, location, limits.maxAttributesPerElement());
        }
        if (message.contains("xml (case insensitive) is reserved")) {
            return Problem.of(FindingCode.XML_CONTENT_BEFORE_DECLARATION, location);
        }
        return Problem.of(FindingCode.XML_NOT_WELL_FORMED, location, message);
    }

    private static Location locationOf(XMLStreamException e, XMLStreamReader reader) {
        javax.xml.stream.Location at = e.getLocation();
        if (at == null && reader != null) {
            at = reader.getLocation();
        }
        return at == null ? Location.UNKNOWN : Location.at(at.getLineNumber(), at.getColumnNumber());
    }

    /** The parser's own sentence without its trailing "at [row,col ...]" (we report the position separately). */
    private static String plainMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String firstLine = newline >= 0 ? message.substring(0, newline) : message;
        return WOODSTOX_POSITION.matcher(firstLine).replaceAll("").trim();
    }

    static <T extends Throwable> Optional<T> causeOf(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
