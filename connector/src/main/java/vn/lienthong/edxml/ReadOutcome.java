package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * The result of reading one envelope: the envelope and where each of its elements stood in the file, or the
 * problem that made the file unreadable as edXML. Owns the attachment spool files: close it to delete them.
 */
public final class ReadOutcome implements AutoCloseable {

    private final Envelope envelope;
    private final XmlNode root;
    private final Problem failure;
    private final List<Path> spoolFiles;

    private ReadOutcome(Envelope envelope, XmlNode root, Problem failure, List<Path> spoolFiles) {
        this.envelope = envelope;
        this.root = root;
        this.failure = failure;
        this.spoolFiles = spoolFiles;
    }

    static ReadOutcome read(Envelope envelope, XmlNode root, List<Path> spoolFiles) {
        return new ReadOutcome(envelope, root, null, List.copyOf(spoolFiles));
    }

    static ReadOutcome failed(Problem failure) {
        return new ReadOutcome(null, null, failure, List.of());
    }

    /** The envelope, when the file could be read as edXML. */
    public Optional<Envelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    /** The element tree as the file has it, every element and attribute included, when the file could be read. */
    public Optional<XmlNode> root() {
        return Optional.ofNullable(root);
    }

    /** Why the file could not be read as edXML (not well-formed, not edXML, over a limit), if it could not. */
    public Optional<Problem> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Where the element at {@code path} (e.g. {@code /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId})
     * starts in the file. An absent element is located at its nearest present ancestor, keeping the asked path.
     */
    public Location locate(String path) {
        String[] steps = path.split("/");
        if (root == null || steps.length < 2 || !steps[0].isEmpty() || !root.step().equals(steps[1])) {
            return Location.UNKNOWN.withPath(path);
        }
        XmlNode nearest = root;
        for (int i = 2; i < steps.length; i++) {
            XmlNode child = nearest.childAt(steps[i]);
            if (child == null) {
                break;
            }
            nearest = child;
        }
        return nearest.at(path);
    }

    @Override
    public void close() {
        for (Path spoolFile : spoolFiles) {
            try {
                Files.deleteIfExists(spoolFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete spool file " + spoolFile, e);
            }
        }
    }
}
