package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The first bytes of a file as PDFBox's source: an earlier revision of an incrementally updated PDF, read from disk
 * like the whole file is. (PDFBox's own RandomAccessReadView cannot serve the views its parser opens for streams.)
 */
final class FilePrefix implements RandomAccessRead {

    private final RandomAccessReadBufferedFile file;
    private final long length;

    FilePrefix(Path path, long length) throws IOException {
        this.file = new RandomAccessReadBufferedFile(path.toFile());
        this.length = Math.min(length, file.length());
    }

    @Override
    public int read() throws IOException {
        return isEOF() ? -1 : file.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        long left = length - file.getPosition();
        if (left <= 0) {
            return -1;
        }
        return file.read(buffer, offset, (int) Math.min(count, left));
    }

    @Override
    public long getPosition() throws IOException {
        return file.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        file.seek(Math.min(position, length));
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return file.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return file.getPosition() >= length;
    }

    @Override
    public RandomAccessReadView createView(long start, long count) throws IOException {
        return file.createView(start, Math.max(0, Math.min(count, length - start)));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
