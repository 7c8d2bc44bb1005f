package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignaturePolicy;
import vn.lienthong.signature.SignatureReports;
import vn.lienthong.tracking.Hop;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Checks every signature of a document and applies the signature policy, in both directions. Every verdict goes into
 * the transmission log: a verdict that stops the document is logged by the gate; one that lets it on is logged by the
 * caller, in the hop that registers the document ({@link Judgement#logIn}), so that both are one commit, or on its own
 * ({@link #log}) when taking the document fails before that. Outbound, a document the policy does not let through is
 * parked with its signature report beside it ({@code NAME.signatures.txt} and {@code .json}): refused ones where the
 * sender learns why, quarantined ones where a person decides, each under its own key (the name a client gave a document
 * is no identity: four documents uploaded as "REST upload" are four held documents). Inbound, the gate has no folders:
 * intake holds the package itself.
 */
public final class SignatureGate {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureGate.class);

    private final DocumentVerifier verifier;
    private final SignaturePolicy policy;
    private final TransmissionLog log;
    private final RefusedFolder refusedFolder;
    private final RefusedFolder quarantineFolder;

    public SignatureGate(DocumentVerifier verifier, SignaturePolicy policy, TransmissionLog log, Path refusedFolder,
                         Path quarantineFolder) throws IOException {
        this.verifier = verifier;
        this.policy = policy;
        this.log = log;
        this.refusedFolder = RefusedFolder.forDms(refusedFolder);
        this.quarantineFolder = RefusedFolder.ownerOnly(quarantineFolder);
    }

    /** A gate that parks nothing: its caller keeps what the policy stops. */
    public SignatureGate(DocumentVerifier verifier, SignaturePolicy policy, TransmissionLog log) {
        this.verifier = verifier;
        this.policy = policy;
        this.log = log;
        this.refusedFolder = null;
        this.quarantineFolder = null;
    }

    /**
     * What the policy decided, and the signatures it decided on; {@code sha256} and {@code detail} are its log
     * entry's (the entry has no document key: a refused document never gets one).
     */
    public record Judgement(DocumentSignatures signatures, SignaturePolicy.Action action, String sha256, String detail) {

        public boolean letsThrough() {
            return action.letsThrough();
        }

        /** Logs this verdict as part of {@code hop}, before the entries that act on it. */
        public void logIn(Hop hop) {
            hop.append(null, Steps.SIGNATURES_CHECKED, outcome(), 1, sha256, detail);
        }

        private String outcome() {
            return action.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Judges the document in {@code file}, read by validation as {@code read} (its spool files are used, not a second
     * reading; the caller closes it); {@code name} is how it is shown and parked when refused, {@code key} the
     * document key it is held under when quarantined, {@code sha256} its hash. A quarantined document is always
     * parked (it waits for a person); a refused one only when {@code parkRefused} (an interface that answers its
     * client with the reasons needs no parked copy).
     */
    public Judgement judge(Path file, ReadOutcome read, String name, String key, String sha256, String context,
                           boolean parkRefused) throws IOException {
        Judgement judgement = check(file, read, sha256, context);
        DocumentSignatures signatures = judgement.signatures();
        SignaturePolicy.Action action = judgement.action();
        if (!judgement.letsThrough()) {
            log(judgement);
        }
        boolean parks = quarantineFolder != null
                && (action == SignaturePolicy.Action.QUARANTINE || (action == SignaturePolicy.Action.REFUSE && parkRefused));
        if (parks) {
            Path parked = action == SignaturePolicy.Action.REFUSE
                    ? refusedFolder.park(name, file, reports(Path.of(FileNames.safe(name)), signatures))
                    : quarantineFolder.parkOnce(key + ".edxml", file, reports(Path.of(FileNames.safe(name)), signatures));
            LOG.warn("{} {} by the signature policy ({}): parked at {}", context, action, summary(signatures), parked);
        } else if (action == SignaturePolicy.Action.ACCEPT_WITH_WARNING) {
            LOG.info("{} accepted with a warning by the signature policy: {}", context, summary(signatures));
        }
        return judgement;
    }

    /**
     * Checks and judges the document in {@code file}; logs nothing and parks nothing, whatever the policy says: the
     * caller logs the verdict ({@link #log} or {@link Judgement#logIn}). {@code read} is validation's reading pass
     * over the same file (its PDF attachments are verified from its spool files); the caller closes it.
     */
    public Judgement check(Path file, ReadOutcome read, String sha256, String context) throws IOException {
        DocumentSignatures signatures = verifier.verify(file, read);
        SignaturePolicy.Action action = policy.decide(signatures);
        return new Judgement(signatures, action, sha256, context + ": " + summary(signatures));
    }

    /** Logs {@code judgement} in a commit of its own. */
    public void log(Judgement judgement) {
        log.hop(hop -> {
            judgement.logIn(hop);
            return null;
        });
    }

    /** The verdict and each signature's verdict and reason codes, for the log: never signer names or content. */
    static String summary(DocumentSignatures signatures) {
        if (!signatures.signed()) {
            return "unsigned";
        }
        return signatures.verdict() + " [" + signatures.checks().stream().map(SignatureGate::summary)
                .collect(Collectors.joining("; ")) + "]";
    }

    private static String summary(SignatureCheck check) {
        String reasons = check.reasons().stream().map(Reason::problem).map(Enum::name).collect(Collectors.joining(","));
        String serial = check.signer() == null ? "no certificate" : "serial " + check.signer().serialNumber();
        return check.kind() + " " + check.verdict() + (reasons.isEmpty() ? "" : " " + reasons) + " (" + serial + ")";
    }

    /** Writes the signature reports beside {@code document}: {@code NAME.signatures.txt} and {@code NAME.signatures.json}. */
    static void writeReports(DocumentSignatures signatures, Path document) throws IOException {
        Path shownAs = document.getFileName();
        RefusedFolder folder = RefusedFolder.ownerOnly(document.getParent());
        for (RefusedFolder.Report report : reports(shownAs, signatures)) {
            folder.writeReport(shownAs.toString(), report);
        }
    }

    private static List<RefusedFolder.Report> reports(Path shownAs, DocumentSignatures signatures) {
        return List.of(
                new RefusedFolder.Report(".signatures.txt", writer -> SignatureReports.text(shownAs, signatures, writer)),
                new RefusedFolder.Report(".signatures.json", writer -> SignatureReports.json(shownAs, signatures, writer)));
    }
}
