package vn.lienthong.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.LogExport;

/**
 * The names and shapes inside an evidence bundle, shared by the writer and the verifier so the two cannot drift
 * apart. See docs/auditing.md, "Evidence bundles".
 */
final class EvidenceFiles {

    static final String MIMETYPE = "mimetype";
    static final String MEDIA_TYPE = "application/vnd.etsi.asic-e+zip";
    static final String ENVELOPE = "envelope.xml";
    static final String VALIDATION = "validation.json";
    static final String SIGNATURES = "signatures.json";
    static final String TIMELINE = "timeline.json";
    static final String LOG = "log.jsonl";
    static final String PROOF = "proof.json";
    static final String HEAD = "anchor/head.txt";
    static final String HEAD_SIGNATURE = "anchor/head.sig";
    static final String HEAD_TIMESTAMP = "anchor/head.tst";
    static final String SIGNER = "anchor/signer.pem";
    static final String ALGORITHM = "anchor/algorithm.txt";
    static final String MANIFEST = "META-INF/ASiCManifest.xml";
    static final String MANIFEST_SIGNATURE = "META-INF/signature.p7s";

    /** Every file the manifest must list, in the order they are written. */
    static final List<String> LISTED = List.of(ENVELOPE, VALIDATION, SIGNATURES, TIMELINE, LOG, PROOF, HEAD,
            HEAD_SIGNATURE, HEAD_TIMESTAMP, SIGNER, ALGORITHM);

    /**
     * The steps whose contentHash is the SHA-256 of the envelope as the connector filed it under the document's key:
     * accepted from a DMS, accepted (or held) from the axis, or let out of quarantine.
     */
    static final Set<String> INTAKE_STEPS = Set.of("intake-accepted", "inbound-accepted", "inbound-refused",
            "inbound-quarantined", "quarantine-released");

    /** Unkeyed steps about the envelope, found by its hash: the signature verdicts and the agency's own signing. */
    static final Set<String> UNKEYED_STEPS = Set.of("signatures-checked", "signed");

    private EvidenceFiles() {
    }

    /** One log line: the export's "entry" object (LogExport's fields, times as hashed, and "type"). */
    static Map<String, Object> entry(LogEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "entry");
        values.putAll(LogExport.values(event));
        return values;
    }
}
