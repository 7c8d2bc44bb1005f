package vn.lienthong.signature.xml;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the signed envelope: the original text, character for character, with the ds:Signature inserted just
 * before the end tag of edXMLHeader. Copying the text (rather than re-serializing parsed XML) keeps every byte the
 * digest was computed over, in any size, with a small buffer. The output is written to a temporary file next to
 * the target and renamed, so a reader of the target never sees half an envelope.
 */
final class SignatureInsertion {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SignatureInsertion() {
    }

    /**
     * @param offset where to insert, in characters of the decoded text, a byte-order mark not counted (as Woodstox
     *               counts, see {@link EnvelopeScan#headerEndOffset()})
     */
    static void write(Path source, Path target, long offset, Charset charset, String signature) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, ".signing-", ".tmp");
        try {
            try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(source),
                         charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 64 * 1024);
                 Writer out = new BufferedWriter(
                         new OutputStreamWriter(Files.newOutputStream(temporary), charset), 64 * 1024)) {
                in.mark(1);
                int first = in.read();
                if (first == BYTE_ORDER_MARK) {
                    out.write(first);
                } else {
                    in.reset();
                }
                copy(in, out, offset);
                out.write(signature);
                in.transferTo(out);
            }
            moveInPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void copy(Reader in, Writer out, long characters) throws IOException {
        char[] buffer = new char[64 * 1024];
        long left = characters;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException(
                        "the envelope changed while it was being signed: it ends before character " + characters);
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void moveInPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
