package vn.lienthong.audit;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import vn.lienthong.audit.stamp.HeadSignature;
import vn.lienthong.audit.stamp.StampException;
import vn.lienthong.audit.stamp.TimestampCheck;
import vn.lienthong.audit.tree.Anchor;

/**
 * Checks one anchor offline: that its head has the root the caller recomputed, that the agency's signature over the
 * head holds, and that the RFC 3161 time stamp is over exactly that signature (so it dates the signed head).
 */
public final class AnchorCheck {

    private static final HexFormat HEX = HexFormat.of();

    private AnchorCheck() {
    }

    /** As {@link #verify(Anchor, byte[], X509Certificate, X509Certificate, boolean)}, refusing an unstamped anchor. */
    public static AnchorVerdict verify(Anchor anchor, byte[] expectedRoot, X509Certificate pinnedTsa,
            X509Certificate pinnedSigner) throws AuditProblem {
        return verify(anchor, expectedRoot, pinnedTsa, pinnedSigner, false);
    }

    /**
     * @param expectedRoot   the root recomputed from the entries or a proof; null to skip that comparison
     * @param pinnedTsa      the TSA certificate the auditor trusts; null to accept the certificate in the token
     * @param pinnedSigner   the agency certificate the auditor trusts (its own or its issuer's); null to accept the
     *                       certificate the anchor carries
     * @param allowUnstamped whether an anchor still waiting for its time stamp passes (its verdict says it is not
     *                       stamped); otherwise it is the problem ANCHOR_NOT_STAMPED
     */
    public static AnchorVerdict verify(Anchor anchor, byte[] expectedRoot, X509Certificate pinnedTsa,
            X509Certificate pinnedSigner, boolean allowUnstamped) throws AuditProblem {
        long size = anchor.head().size();
        if (expectedRoot != null && !HEX.formatHex(expectedRoot).equals(anchor.head().root())) {
            throw new AuditProblem("ANCHOR_ROOT_MISMATCH", size,
                    "Mốc neo của cây " + size + " mục ký gốc " + anchor.head().root() + ", nhưng các mục của nhật ký cho"
                            + " gốc " + HEX.formatHex(expectedRoot) + ": nhật ký đến mục " + size + " đã bị thay đổi"
                            + " sau khi được ký.",
                    "The anchor of tree size " + size + " signs root " + anchor.head().root() + ", but the log's"
                            + " entries give root " + HEX.formatHex(expectedRoot) + ": the log up to entry " + size
                            + " was changed after it was signed.");
        }
        if (anchor.certificates().isEmpty()) {
            throw new AuditProblem("ANCHOR_NO_CERTIFICATE", size,
                    "Mốc neo của cây " + size + " mục không kèm chứng thư số của người ký.",
                    "The anchor of tree size " + size + " carries no signer certificate.");
        }
        X509Certificate signer = anchor.certificates().get(0);
        if (pinnedSigner != null && !signedBy(signer, pinnedSigner)) {
            throw new AuditProblem("ANCHOR_UNTRUSTED_SIGNER", size,
                    "Mốc neo của cây " + size + " mục do " + subject(signer) + " ký, không phải người ký được tin cậy "
                            + subject(pinnedSigner) + ".",
                    "The anchor of tree size " + size + " was signed by " + subject(signer) + ", not by the trusted"
                            + " signer " + subject(pinnedSigner) + ".");
        }
        try {
            HeadSignature.verify(anchor.algorithm(), anchor.signature(), signer, anchor.head().bytes());
        } catch (StampException e) {
            throw about(size, e);
        }
        if (!anchor.stamped()) {
            if (allowUnstamped) {
                return new AnchorVerdict(size, anchor.head().root(), anchor.head().time(), subject(signer), false, null,
                        null, false);
            }
            throw new AuditProblem("ANCHOR_NOT_STAMPED", size,
                    "Mốc neo của cây " + size + " mục đã được ký nhưng chưa có dấu thời gian, nên không chứng minh được"
                            + " thời điểm ký.",
                    "The anchor of tree size " + size + " is signed but has no time stamp, so when it was signed is"
                            + " not proven.");
        }
        try {
            TimestampCheck.Verified stamp = TimestampCheck.verify(anchor.timestamp(), anchor.signature(), pinnedTsa);
            return new AnchorVerdict(size, anchor.head().root(), anchor.head().time(), subject(signer), true,
                    stamp.time(), stamp.tsaSubject(), stamp.pinned());
        } catch (StampException e) {
            throw about(size, e);
        }
    }

    /** The stamp package's finding, with the anchor named in both languages. */
    private static AuditProblem about(long size, StampException e) {
        return new AuditProblem(e.code(), size, "Mốc neo của cây " + size + " mục: " + e.vietnamese(),
                "The anchor of tree size " + size + ": " + e.english(), e);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate trusted) {
        if (certificate.equals(trusted)) {
            return true;
        }
        try {
            certificate.verify(trusted.getPublicKey());
            return certificate.getIssuerX500Principal().equals(trusted.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
