package vn.lienthong.dms.rest;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Bodies built to exhaust the connector, produced as they are read so that neither side holds them. */
public final class HostileBodies {

    private HostileBodies() {
    }

    /** An edXML root element whose name is {@code nameBytes} long: what once came back three times in the answer. */
    static InputStream elementNameOf(long nameBytes) {
        return concat("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><x",
                new Repeated('a', nameBytes), "/></edXML>\n");
    }

    /** {@code head}, then {@code middle} as it is read, then {@code tail}. */
    public static InputStream concat(String head, InputStream middle, String tail) {
        return new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), middle,
                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
    }

    /** {@code size} copies of one byte. */
    public static final class Repeated extends InputStream {

        private final byte value;
        private long left;

        public Repeated(char value, long size) {
            this.value = (byte) value;
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, value);
            left -= n;
            return n;
        }
    }
}
