package vn.lienthong.signature.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * The PDF's bytes as the signatures see them, read straight from the file through a small buffer: a signed
 * attachment may be hundreds of MB, and none of it is ever held whole in memory. Not thread-safe: one verification
 * reads it on one thread.
 */
final class SignedFile implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long length;
    /** One buffer for every range this file streams (one verification reads a file on one thread). */
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    SignedFile(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.length = channel.size();
    }

    long length() {
        return length;
    }

    /** Streams both signed ranges through the digest and returns it. */
    byte[] digest(ByteRange range, MessageDigest digest) throws IOException {
        update(digest, 0, range.holeStart());
        update(digest, range.holeEnd(), range.end() - range.holeEnd());
        return digest.digest();
    }

    /** Up to {@code count} bytes from {@code position}; fewer at the end of the file. Only for small reads. */
    byte[] read(long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(count, length - position)));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /** Feeds [start, start + count) to the consumer in buffer-sized chunks. */
    void stream(long start, long count, ChunkConsumer consumer) throws IOException {
        long position = start;
        long remaining = count;
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(BUFFER_BYTES, remaining));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("the file ended at " + position + ", inside a signed range");
            }
            consumer.accept(buffer.array(), read);
            position += read;
            remaining -= read;
        }
    }

    interface ChunkConsumer {
        void accept(byte[] bytes, int count) throws IOException;
    }

    private void update(MessageDigest digest, long start, long count) throws IOException {
        stream(start, count, (bytes, read) -> digest.update(bytes, 0, read));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
