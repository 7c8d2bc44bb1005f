package vn.lienthong.signature.xml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import vn.lienthong.signature.Reason;

/**
 * Judges the certificate that made a signature: path to a trust anchor, validity at the given time, revocation,
 * key usage. The XML verifier only finds the certificate; whether to trust it is this interface's question, so
 * that the certificate validator can be plugged in (and replaced by a trivial one in tests).
 */
@FunctionalInterface
public interface SignerTrust {

    /**
     * @param signer the certificate whose public key verifies the signature
     * @param others the other certificates the signature carries (or that were found next to the signer's),
     *               candidates for intermediates; never null
     * @param at     the time to judge validity at
     * @return every reason against trusting the signer at that time; empty when it is trusted
     */
    List<Reason> judge(X509Certificate signer, Collection<X509Certificate> others, Instant at);
}
