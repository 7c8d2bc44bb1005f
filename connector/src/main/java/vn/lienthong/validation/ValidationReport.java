package vn.lienthong.validation;

import java.util.List;
import java.util.Optional;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;

/**
 * Every finding for one envelope, in file order. Valid means no finding is an error (warnings allowed) in the
 * direction the envelope was judged for.
 *
 * @param direction which way the envelope travels: OUTBOUND is judged strictly, INBOUND liberally
 * @param header         the envelope's header as read, so callers need not read the file again; empty when the file
 *                       could not be read as edXML at all
 * @param tracedAgencies the OrganIds of the envelope's TraceHeaders, in order (who says they handled it): what a
 *                       DMS client may write there is checked against the agencies it is bound to
 */
public record ValidationReport(Direction direction, Optional<MessageHeader> header, List<Finding> findings,
                               List<String> tracedAgencies) {

    public ValidationReport {
        findings = List.copyOf(findings);
        tracedAgencies = List.copyOf(tracedAgencies);
    }

    public ValidationReport(Direction direction, Optional<MessageHeader> header, List<Finding> findings) {
        this(direction, header, findings, List.of());
    }

    /** The same report with {@code more} findings added (checks made outside validation, e.g. who may send). */
    public ValidationReport withFindings(List<Finding> all) {
        return new ValidationReport(direction, header, all, tracedAgencies);
    }

    public Optional<MessageType> messageType() {
        return header.map(MessageHeader::messageType);
    }

    public boolean valid() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return findings.size() - errorCount();
    }
}
