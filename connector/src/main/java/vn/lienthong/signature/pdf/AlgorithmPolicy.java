package vn.lienthong.signature.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;

/**
 * Which CMS signature algorithms we accept: SHA-256/384/512 with RSA, RSA-PSS or ECDSA. SHA-1 is accepted with a
 * note (older Vietnamese signing tools still produce it; whether to refuse it is the policy's decision elsewhere);
 * MD5 and anything unknown are refused.
 */
final class AlgorithmPolicy {

    private enum Strength { STRONG, LEGACY, REFUSED }

    private record Hash(String name, Strength strength) {
    }

    private static final Hash UNKNOWN_HASH = new Hash("unknown digest", Strength.REFUSED);

    private static final Map<String, Hash> HASHES = Map.of(
            "2.16.840.1.101.3.4.2.1", new Hash("SHA256", Strength.STRONG),
            "2.16.840.1.101.3.4.2.2", new Hash("SHA384", Strength.STRONG),
            "2.16.840.1.101.3.4.2.3", new Hash("SHA512", Strength.STRONG),
            "1.3.14.3.2.26", new Hash("SHA1", Strength.LEGACY),
            "1.2.840.113549.2.5", new Hash("MD5", Strength.REFUSED));

    /** Signature algorithms that name their own hash, mapped to it, and the key family they use. */
    private record Scheme(String family, String hashOid) {
    }

    private static final Map<String, Scheme> SCHEMES = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.rsaEncryption.getId(), new Scheme("RSA", null)),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption.getId(), new Scheme("RSA", "2.16.840.1.101.3.4.2.1")),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption.getId(), new Scheme("RSA", "2.16.840.1.101.3.4.2.2")),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption.getId(), new Scheme("RSA", "2.16.840.1.101.3.4.2.3")),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption.getId(), new Scheme("RSA", "1.3.14.3.2.26")),
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption.getId(), new Scheme("RSA", "1.2.840.113549.2.5")),
            Map.entry(PKCSObjectIdentifiers.id_RSASSA_PSS.getId(), new Scheme("RSAandMGF1", null)),
            Map.entry(X9ObjectIdentifiers.id_ecPublicKey.getId(), new Scheme("ECDSA", null)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256.getId(), new Scheme("ECDSA", "2.16.840.1.101.3.4.2.1")),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384.getId(), new Scheme("ECDSA", "2.16.840.1.101.3.4.2.2")),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512.getId(), new Scheme("ECDSA", "2.16.840.1.101.3.4.2.3")),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1.getId(), new Scheme("ECDSA", "1.3.14.3.2.26")));

    /**
     * @param name    e.g. SHA256withRSA, for SignatureCheck.algorithm
     * @param reasons ALGORITHM_LEGACY or ALGORITHM_NOT_ALLOWED, or none
     * @param usable  whether to go on and verify with it (a refused algorithm is not worth the trouble)
     */
    record Judgement(String name, List<Reason> reasons, boolean usable) {
    }

    private AlgorithmPolicy() {
    }

    static Judgement judge(SignerInformation signer) {
        // A digest we do not know is named by its OID, not in English words: the name goes into the sentences of
        // both languages and into SignatureCheck.algorithm.
        Hash digest = HASHES.getOrDefault(signer.getDigestAlgOID(), new Hash(signer.getDigestAlgOID(), Strength.REFUSED));
        Scheme scheme = SCHEMES.get(signer.getEncryptionAlgOID());
        if (scheme == null) {
            String name = digest.name() + "with" + signer.getEncryptionAlgOID();
            return new Judgement(name, List.of(SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(name)), false);
        }
        String name = digest.name() + "with" + scheme.family();
        Hash inner = innerHash(signer, scheme);
        Strength weakest = weakest(digest.strength(), inner == null ? Strength.STRONG : inner.strength());
        List<Reason> reasons = new ArrayList<>();
        if (weakest == Strength.REFUSED) {
            reasons.add(SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(name));
        } else if (weakest == Strength.LEGACY) {
            reasons.add(SignatureProblem.ALGORITHM_LEGACY.reason(name));
        }
        return new Judgement(name, reasons, weakest != Strength.REFUSED);
    }

    /** The hash the signature algorithm itself names (sha1WithRSA, PSS parameters), which may differ from the digest's. */
    private static Hash innerHash(SignerInformation signer, Scheme scheme) {
        if (scheme.hashOid() != null) {
            return HASHES.getOrDefault(scheme.hashOid(), UNKNOWN_HASH);
        }
        if (scheme.family().equals("RSAandMGF1")) {
            ASN1Encodable parameters = signer.toASN1Structure().getDigestEncryptionAlgorithm().getParameters();
            if (parameters == null || parameters instanceof ASN1Null) {
                return UNKNOWN_HASH;
            }
            return HASHES.getOrDefault(RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm().getId(), UNKNOWN_HASH);
        }
        return null;
    }

    private static Strength weakest(Strength a, Strength b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
