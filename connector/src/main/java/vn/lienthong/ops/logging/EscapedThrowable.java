package vn.lienthong.ops.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import vn.lienthong.findings.Shown;

/**
 * {@code %escapedEx} in config/logback.xml: a stack trace as logback writes it, with each exception's message
 * escaped as {@link EscapedMessage} escapes the message. An exception's message may quote what came from outside (a
 * parser's, for one); the line breaks of the trace itself are logback's and stay.
 */
public final class EscapedThrowable extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(escaped(throwable));
    }

    private static IThrowableProxy escaped(IThrowableProxy throwable) {
        return throwable == null ? null : new Escaped(throwable);
    }

    /** The same throwable, its message (and its causes' and suppressed ones') escaped. */
    private record Escaped(IThrowableProxy original) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return Shown.escaped(original.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return Shown.escaped(original.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return escaped(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] shown = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                shown[i] = escaped(suppressed[i]);
            }
            return shown;
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
