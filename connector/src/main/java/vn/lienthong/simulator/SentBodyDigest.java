package vn.lienthong.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The SHA-256 of a sendEdoc body, taken as the body is spooled, under two readings: the bytes as sent, and the
 * bytes without one line end (CRLF, or a lone LF) at the very end. The official SDK sends the file followed by
 * CRLF while its hash-file covers the file alone, and the real axis accepts that. Holding the last two bytes
 * back gives both digests from one pass, so a body of hundreds of megabytes is never held in memory.
 */
final class SentBodyDigest {

    /** The digest and length of the body without its final line end. */
    record WithoutLineEnd(byte[] sha256, long length) {
    }

    private final MessageDigest allButTail = sha256();
    private final byte[] tail = new byte[2];
    private int tailLength;
    private long length;

    void update(byte[] bytes, int offset, int count) {
        length += count;
        if (count >= 2) {
            allButTail.update(tail, 0, tailLength);
            allButTail.update(bytes, offset, count - 2);
            tail[0] = bytes[offset + count - 2];
            tail[1] = bytes[offset + count - 1];
            tailLength = 2;
        } else if (count == 1 && tailLength == 2) {
            allButTail.update(tail[0]);
            tail[0] = tail[1];
            tail[1] = bytes[offset];
        } else if (count == 1) {
            tail[tailLength++] = bytes[offset];
        }
    }

    byte[] asSent() {
        MessageDigest whole = copy();
        whole.update(tail, 0, tailLength);
        return whole.digest();
    }

    /** Empty when the body does not end with a line end. */
    Optional<WithoutLineEnd> withoutLineEnd() {
        int lineEnd = lineEndLength();
        if (lineEnd == 0) {
            return Optional.empty();
        }
        MessageDigest trimmed = copy();
        trimmed.update(tail, 0, tailLength - lineEnd);
        return Optional.of(new WithoutLineEnd(trimmed.digest(), length - lineEnd));
    }

    private int lineEndLength() {
        if (tailLength == 2 && tail[0] == '\r' && tail[1] == '\n') {
            return 2;
        }
        return tailLength > 0 && tail[tailLength - 1] == '\n' ? 1 : 0;
    }

    /** Both readings continue from the same digest of everything before the tail. */
    private MessageDigest copy() {
        try {
            return (MessageDigest) allButTail.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be copied mid-way", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
