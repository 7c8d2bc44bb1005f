package vn.lienthong.ops.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import vn.lienthong.findings.Shown;

/**
 * {@code %escapedMsg} in config/logback.xml: the log message with every control or invisible character shown as
 * {@code \\uXXXX}. Log lines carry names, correlation ids, agency ids and file names that came from outside; written
 * raw, a line feed in one forges a log line of its own and an escape sequence recolours or rewrites the operator's
 * terminal. Escaping here, at the boundary, covers every logger, ours and the libraries'.
 */
public final class EscapedMessage extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Shown.escaped(event.getFormattedMessage());
    }
}
