package vn.lienthong.validation;

import java.util.List;
import java.util.Optional;
import vn.lienthong.edxml.MessageType;

/**
 * Every finding for one envelope, in file order. Valid means no finding is an error (warnings allowed).
 *
 * @param messageType empty when the file could not be read as edXML at all
 */
public record ValidationReport(Optional<MessageType> messageType, List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
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
