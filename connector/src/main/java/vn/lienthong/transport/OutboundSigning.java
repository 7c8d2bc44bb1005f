package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.lienthong.axis.HashFile;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.xml.EnvelopeSigner;

/** Outbound intake's signing with the agency's key, when one is configured and the DMS did not sign the envelope. */
final class OutboundSigning {

    /** The document that goes out, and whether this connector signed it. */
    record Outgoing(DocumentStore.Imported file, boolean signed) {
    }

    private final EnvelopeSigner signer;
    private final DocumentStore store;

    /** {@code signer} is null when the agency does not sign outgoing envelopes. */
    OutboundSigning(EnvelopeSigner signer, DocumentStore store) {
        this.signer = signer;
        this.store = store;
    }

    /**
     * The envelope as it goes out: signed into a new temporary file (added to {@code temporaries}) unless no key is
     * configured or the DMS signed it already. RSA signatures are deterministic, so a file taken twice (after a crash)
     * signs to the same bytes and the same key.
     */
    Outgoing ifWanted(DocumentStore.Imported imported, SignatureGate.Judgement judgement, List<Path> temporaries)
            throws IOException {
        boolean alreadySigned = judgement.signatures().checks().stream()
                .anyMatch(check -> check.kind() == SignatureCheck.Kind.ENVELOPE_XMLDSIG);
        if (signer == null || alreadySigned) {
            return new Outgoing(imported, false);
        }
        Path signed = store.newTemporaryFile();
        temporaries.add(signed);
        signer.sign(imported.file(), signed);
        store.discard(imported.file());
        String sha256 = HashFile.paddedForm(HashFile.sha256(signed));
        return new Outgoing(new DocumentStore.Imported(signed, sha256, Files.size(signed)), true);
    }
}
