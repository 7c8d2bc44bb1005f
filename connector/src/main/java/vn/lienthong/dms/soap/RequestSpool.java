package vn.lienthong.dms.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.MessageObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the handling of every SOAP request: its body is read through its {@link RequestQuota}, its MTOM parts are
 * spooled into a directory of its own, and that directory is deleted once the request is answered, whatever
 * happened: refused, schema-invalid, parts no operation read, or a failure. What a crash left is deleted at start.
 */
final class RequestSpool implements MessageObserver {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSpool.class);

    private final MessageObserver handling;
    private final Path directory;
    private final long maxRequestBytes;

    RequestSpool(MessageObserver handling, Path directory, long maxRequestBytes) {
        this.handling = handling;
        this.directory = directory;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Empties {@code directory}: nothing in it belongs to a request still being handled. */
    static void sweep(Path directory) throws IOException {
        try (var leftovers = Files.list(directory)) {
            for (Path leftover : leftovers.toList()) {
                deleteTree(leftover);
            }
        }
    }

    @Override
    public void onMessage(Message message) {
        InputStream body = message.getContent(InputStream.class);
        if (body != null) {
            RequestQuota quota = new RequestQuota(body, maxRequestBytes);
            message.setContent(InputStream.class, quota);
            message.put(RequestQuota.class, quota);
        }
        Path spool = null;
        try {
            spool = Files.createDirectory(directory.resolve("request-" + UUID.randomUUID()));
            message.put(AttachmentDeserializer.ATTACHMENT_DIRECTORY, spool.toString());
            handling.onMessage(message);
        } catch (IOException e) {
            throw new IllegalStateException("the spool directory of a SOAP request cannot be made in " + directory, e);
        } finally {
            if (spool != null) {
                try {
                    deleteTree(spool);
                } catch (IOException e) {
                    LOG.warn("Could not delete the MTOM parts of a SOAP request in {}: {}", spool.getFileName(), e.getMessage());
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted
        }
    }
}
