package vn.lienthong.dms.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of one SOAP request, cut off where it passes its quota: {@code unauthenticated} bytes until the caller is
 * known ({@link EarlyAuthentication} reads the ApiKey header, which comes first, well within it), then
 * {@code authenticated} bytes in all. So a caller without a key can make the connector read, and spool, almost
 * nothing, and no caller can send more than lienthong.soap.max-request-bytes, whatever its MTOM parts declare.
 */
final class RequestQuota extends FilterInputStream {

    /** What a request may send before its ApiKey header is read: the envelope's start and header, with room to spare. */
    static final long UNAUTHENTICATED_BYTES = 1024 * 1024;

    /** The request is larger than its quota. */
    static final class Exceeded extends IOException {

        private final long limit;

        Exceeded(long limit) {
            super("the request is larger than " + limit + " bytes", null);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private final long authenticated;
    private volatile long limit;
    private long read;

    RequestQuota(InputStream in, long authenticated) {
        super(in);
        this.authenticated = authenticated;
        this.limit = Math.min(UNAUTHENTICATED_BYTES, authenticated);
    }

    /** The caller is known: the rest of its quota opens. */
    void authenticated() {
        limit = authenticated;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws Exceeded {
        read += n;
        if (read > limit) {
            throw new Exceeded(limit);
        }
    }
}
