package vn.lienthong.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.Problem;

/**
 * Validates an envelope file: reads it (well-formedness, limits, base64), checks its structure in any order,
 * then runs every rule, and returns all findings at once with the severity the policy gives them in the direction
 * the envelope travels: strict for what we send, liberal for what we receive. Of each code the first
 * {@code lienthong.validation.max-findings-per-code} are listed and the rest counted in one FINDINGS_OMITTED.
 */
public final class EnvelopeValidator {

    private static final List<Rule> RULES = List.of(
            new HeaderRule(),
            new StatusRule(),
            new OrganIdRule(),
            new IdentifierRule(),
            new DateRule(),
            new BusinessRule(),
            new ManifestRule(),
            new AttachmentRule());

    private static final Comparator<Finding> FILE_ORDER = Comparator
            .comparingInt((Finding finding) -> finding.location().hasPosition() ? 0 : 1)
            .thenComparingInt(finding -> finding.location().line())
            .thenComparingInt(finding -> finding.location().column());

    private final ValidationSettings settings;
    private final EnvelopeReader reader;
    private final StructureCheck structureCheck = new StructureCheck();

    public EnvelopeValidator(ValidationSettings settings, Path spoolDirectory) {
        this.settings = settings;
        this.reader = new EnvelopeReader(settings.limits(), spoolDirectory);
    }

    /** Judges {@code file} as something to send. Throws only when the file cannot be opened. */
    public ValidationReport validate(Path file) throws IOException {
        return validate(file, Direction.OUTBOUND);
    }

    /** Throws only when the file cannot be opened; anything wrong inside it is a finding. */
    public ValidationReport validate(Path file, Direction direction) throws IOException {
        try (ValidatedEnvelope validated = validateAndKeep(file, direction)) {
            return validated.report();
        }
    }

    /**
     * Validates {@code file} and keeps what its one reading pass read (spooled attachments, their hashes) open for the
     * steps after validation; the caller closes it. Throws only when the file cannot be opened, and then leaves no
     * spool file behind.
     */
    public ValidatedEnvelope validateAndKeep(Path file, Direction direction) throws IOException {
        ReadOutcome outcome = reader.read(file);
        try {
            return new ValidatedEnvelope(judge(outcome, direction), outcome);
        } catch (RuntimeException | Error e) {
            outcome.close();
            throw e;
        }
    }

    private ValidationReport judge(ReadOutcome outcome, Direction direction) {
        if (outcome.failure().isPresent()) {
            return new ValidationReport(direction, Optional.empty(), render(List.of(outcome.failure().get()), direction));
        }
        Envelope envelope = outcome.envelope().orElseThrow();
        RuleContext context = new RuleContext(settings, outcome);
        structureCheck.check(outcome.root().orElseThrow(), envelope.messageType(), context);
        for (Rule rule : RULES) {
            rule.check(envelope, context);
        }
        List<Finding> findings = render(context.problems(), direction);
        context.omitted().forEach((code, count) -> settings.policy()
                .omitted(code, count, settings.maxFindingsPerCode(), direction).ifPresent(findings::add));
        List<String> traced = envelope.traceHeaderList() == null ? List.of() : envelope.traceHeaderList().traceHeaders()
                .stream().map(trace -> trace.organId() == null ? "" : trace.organId().strip()).toList();
        return new ValidationReport(direction, Optional.of(envelope.header()), findings, traced);
    }

    /** The findings of problems met outside validation (e.g. who may send what), in the same policy. */
    public List<Finding> render(List<Problem> problems, Direction direction) {
        List<Finding> findings = new ArrayList<>();
        for (Problem problem : problems) {
            settings.policy().apply(problem, direction).ifPresent(findings::add);
        }
        findings.sort(FILE_ORDER);
        return findings;
    }
}
