package vn.lienthong.validation;

import vn.lienthong.edxml.ReadOutcome;

/**
 * A validation's report together with what its reading pass read, kept open so that later steps (the signature
 * checks) use its spooled attachments and their hashes instead of reading the envelope again. Close it, on every
 * path, to delete the spool files.
 */
public final class ValidatedEnvelope implements AutoCloseable {

    private final ValidationReport report;
    private final ReadOutcome read;

    ValidatedEnvelope(ValidationReport report, ReadOutcome read) {
        this.report = report;
        this.read = read;
    }

    public ValidationReport report() {
        return report;
    }

    /** What the reading pass read: the envelope and its spooled attachments, or why it could not be read. */
    public ReadOutcome read() {
        return read;
    }

    @Override
    public void close() {
        read.close();
    }
}
