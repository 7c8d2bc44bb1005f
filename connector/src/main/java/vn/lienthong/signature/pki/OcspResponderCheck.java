package vn.lienthong.signature.pki;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Whether an OCSP answer may speak for an issuer (RFC 6960 §4.2.2.2): signed by the issuer itself, or by a
 * responder certificate the issuer signed with id-kp-OCSPSigning, valid now.
 */
final class OcspResponderCheck {

    private OcspResponderCheck() {
    }

    static boolean signedForIssuer(BasicOCSPResp response, X509Certificate issuer, Instant now) {
        try {
            if (response.isSignatureValid(verifier(issuer))) {
                return true;
            }
        } catch (OCSPException | OperatorCreationException e) {
            // Not the issuer's signature, or not one we can check: try a delegated responder.
        }
        for (X509CertificateHolder candidate : response.getCerts()) {
            if (isDelegatedResponder(candidate, issuer, now) && verifiesWith(response, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelegatedResponder(X509CertificateHolder candidate, X509Certificate issuer, Instant now) {
        try {
            ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(candidate.getExtensions());
            return usage != null
                    && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
                    && candidate.isValidOn(Date.from(now))
                    && candidate.isSignatureValid(verifier(issuer));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean verifiesWith(BasicOCSPResp response, X509CertificateHolder responder) {
        try {
            return response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder));
        } catch (OCSPException | OperatorCreationException | CertificateException e) {
            return false;
        }
    }

    private static ContentVerifierProvider verifier(X509Certificate issuer) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey());
    }
}
