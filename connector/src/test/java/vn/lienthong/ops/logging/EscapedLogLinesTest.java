package vn.lienthong.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The console of config/logback.xml writes what came from outside escaped: one event is one line plus its trace. */
class EscapedLogLinesTest {

    @SuppressWarnings("unchecked")
    private static String asTheConsoleWritesIt(ILoggingEvent event) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("CONSOLE");
        return ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout().doLayout(event);
    }

    private static LoggingEvent event(String message, Throwable thrown, Object... arguments) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent(EscapedLogLinesTest.class.getName(), context.getLogger("vn.lienthong.test"), Level.WARN,
                message, thrown, arguments);
    }

    @Test
    void a_line_feed_or_an_escape_sequence_in_a_logged_value_cannot_forge_a_line_or_reach_the_terminal() {
        String line = asTheConsoleWritesIt(event("Refused {} from the outbox", null,
                "cv.edxml\n09:00:00.000 INFO  OutboundIntake - Accepted forged.edxml\u001b[2J\u202e"));

        assertThat(line).endsWith("\n").contains("cv.edxml\\u000A09:00:00.000", "\\u001B[2J", "\\u202E");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r", "\u001b", "\u202e");
    }

    @Test
    void an_exceptions_message_is_escaped_and_its_trace_kept() {
        String text = asTheConsoleWritesIt(event("Taking a package failed", new IllegalArgumentException(
                "documentId must not contain a line break: \"x\nFORGED\"", new IllegalStateException("\u001b[31mred"))));

        assertThat(text).contains("IllegalArgumentException: documentId must not contain a line break: \"x\\u000AFORGED\"")
                .contains("Caused by: java.lang.IllegalStateException: \\u001B[31mred")
                .contains("\tat vn.lienthong.ops.logging.EscapedLogLinesTest")
                .doesNotContain("\nFORGED", "\u001b");
    }
}
