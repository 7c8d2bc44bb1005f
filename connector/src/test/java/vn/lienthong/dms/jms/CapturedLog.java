package vn.lienthong.dms.jms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What one logger of the connector writes while it is open, each event laid out exactly as the console appender of
 * config/logback.xml (the one on the class path) writes it.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    CapturedLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        events.start();
        logger.addAppender(events);
    }

    /** Each event as a line of the console, its final line break included. */
    @SuppressWarnings("unchecked")
    List<String> lines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        LayoutWrappingEncoder<ILoggingEvent> encoder =
                (LayoutWrappingEncoder<ILoggingEvent>) ((OutputStreamAppender<ILoggingEvent>) console).getEncoder();
        return events.list.stream().map(event -> encoder.getLayout().doLayout(event)).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(events);
        events.stop();
    }
}
