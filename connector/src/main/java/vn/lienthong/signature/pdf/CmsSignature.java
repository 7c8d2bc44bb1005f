package vn.lienthong.signature.pdf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;
import vn.lienthong.findings.Bilingual;

/** The detached CMS signature in a PDF's /Contents: its one signer, the certificates it carries, its attributes. */
final class CmsSignature {

    /**
     * What {@code JcaSimpleSignerInfoVerifierBuilder.build(PublicKey)} makes anew at every call, made once: the name
     * generator fills maps of a hundred algorithms in its constructor (about 5% of verifying a PDF's signatures). Both
     * only read those maps afterwards, and the digest provider makes a new MessageDigest per use, so sharing is safe.
     */
    private static final CMSSignatureAlgorithmNameGenerator ALGORITHM_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final SignatureAlgorithmIdentifierFinder ALGORITHM_IDENTIFIERS = new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DigestCalculatorProvider DIGESTS = digests();

    private final byte[] encoded;
    private final CMSSignedData signedData;
    private final SignerInformation signer;
    /** Read once, when first asked for: each call of CMSSignedData.getCertificates() makes new holders. */
    private Store<X509CertificateHolder> carried;
    /** Each carried certificate converted once, though the signer's is asked for and then all of them. */
    private final Map<X509CertificateHolder, Optional<X509Certificate>> converted = new IdentityHashMap<>();

    private CmsSignature(byte[] encoded, CMSSignedData signedData, SignerInformation signer) {
        this.encoded = encoded;
        this.signedData = signedData;
        this.signer = signer;
    }

    /** @throws CMSException when /Contents is not a CMS SignedData with exactly one signer */
    static CmsSignature parse(byte[] contents) throws CMSException {
        // /Contents is padded with zeros after the DER structure; the parser stops at the structure's end.
        CMSSignedData signedData = new CMSSignedData(contents);
        Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new CMSException("a PDF signature has exactly one signer, this one has " + signers.size());
        }
        return new CmsSignature(contents, signedData, signers.iterator().next());
    }

    SignerInformation signer() {
        return signer;
    }

    MessageDigest newDigest() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(signer.getDigestAlgOID());
    }

    /** The signer's certificate, found among the certificates the CMS carries by the signer id. */
    Optional<X509Certificate> signerCertificate() {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = carried().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        return matches.stream().findFirst().flatMap(this::toX509);
    }

    List<X509Certificate> certificates() {
        List<X509Certificate> all = new ArrayList<>();
        for (X509CertificateHolder holder : carried().getMatches(null)) {
            toX509(holder).ifPresent(all::add);
        }
        return all;
    }

    /** The time the signer's computer claimed (signed attribute signingTime); not proof of anything. */
    Optional<Instant> claimedSigningTime() {
        if (signer.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The RFC 3161 signature time stamp token among the unsigned attributes, if any. */
    Optional<TimeStampToken> timestampToken() throws TSPException, CMSException, java.io.IOException {
        ASN1ObjectIdentifier oid = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;
        if (signer.getUnsignedAttributes() == null || signer.getUnsignedAttributes().get(oid) == null) {
            return Optional.empty();
        }
        Attribute attribute = signer.getUnsignedAttributes().get(oid);
        return Optional.of(new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())));
    }

    enum Integrity { INTACT, DIGEST_MISMATCH, SIGNATURE_INVALID, MALFORMED }

    /** @param detail what is wrong, in both languages (it becomes the argument of a reason); null when intact */
    record Verification(Integrity integrity, Bilingual detail) {
    }

    /**
     * Checks the signature over a digest of the signed bytes computed beforehand (streamed from the file), so the
     * CMS library never needs the content itself.
     */
    Verification verify(byte[] signedBytesDigest, X509Certificate certificate) {
        try {
            CMSSignedData withDigest = new CMSSignedData(Map.of(signer.getDigestAlgorithmID().getAlgorithm(), signedBytesDigest), encoded);
            SignerInformation precomputed = withDigest.getSignerInfos().get(signer.getSID());
            // Built from the key alone: built from the certificate, BouncyCastle would also judge its dates, which is
            // the CertificateValidator's job and would blur a broken signature with an expired certificate.
            boolean valid = precomputed.verify(new SignerInformationVerifier(ALGORITHM_NAMES, ALGORITHM_IDENTIFIERS,
                    new JcaContentVerifierProviderBuilder().build(certificate.getPublicKey()), DIGESTS));
            return valid ? new Verification(Integrity.INTACT, null)
                    : new Verification(Integrity.SIGNATURE_INVALID, new Bilingual(
                            "giá trị chữ ký không khớp với các thuộc tính đã ký",
                            "the signature value does not match the signed attributes"));
        } catch (CMSSignerDigestMismatchException e) {
            return new Verification(Integrity.DIGEST_MISMATCH, new Bilingual(
                    "giá trị băm của các byte được ký khác với messageDigest mà người ký đã ký",
                    "the signed bytes do not hash to the messageDigest the signer signed"));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            // The library's message is English; the Vietnamese phrase says the same without it.
            return new Verification(Integrity.MALFORMED, new Bilingual(
                    "thư viện CMS không kiểm tra được chữ ký", String.valueOf(e.getMessage())));
        }
    }

    private Store<X509CertificateHolder> carried() {
        if (carried == null) {
            carried = signedData.getCertificates();
        }
        return carried;
    }

    private Optional<X509Certificate> toX509(X509CertificateHolder holder) {
        return converted.computeIfAbsent(holder, CmsSignature::convert);
    }

    private static Optional<X509Certificate> convert(X509CertificateHolder holder) {
        try {
            return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the JDK provides no digest calculators", e);
        }
    }
}
