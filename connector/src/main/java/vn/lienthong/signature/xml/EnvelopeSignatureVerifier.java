package vn.lienthong.signature.xml;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.w3c.dom.Element;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.SignerIdentity;

/**
 * Verifies the enveloped XML-DSig of an edXML envelope of any size with a small, constant heap.
 *
 * <p>Two streaming passes read the file. The first ({@link EnvelopeScanner}) finds every ds:Signature and copies the
 * one in edXMLHeader — a few kilobytes — into DOM; having found it, it stops at the end of the header, and the second
 * pass says whether any other signature follows (if one does, or if the second pass does not run, the whole file is
 * scanned and judged as if the first pass had read it all, so the verdict is the same). Its SignedInfo must follow
 * {@link SignatureRules} (one Reference, URI="", enveloped-signature then C14N 1.0, allowed algorithms), so the
 * signature always covers the whole document we go on to process: wrapping attacks have nothing to point at. Santuario,
 * with secure validation, checks the SignatureValue over the canonical SignedInfo ({@link SignatureValue}). The second
 * pass ({@link CanonicalDigest}) canonicalizes the document minus the signature as a stream of StAX events straight
 * into the MessageDigest and compares it with DigestValue. The certificate is then judged by {@link SignerTrust}.
 *
 * <p>A bad signature never throws: every finding is a {@link Reason} of the returned check. Only a file that cannot
 * be read at all throws.
 */
public final class EnvelopeSignatureVerifier {

    private static final String WHERE = "envelope";

    private final SignerTrust trust;
    private final CertificateDirectory signerCertificates;
    private final AlgorithmPolicy policy;
    private final Clock clock;

    /**
     * @param signerCertificateDirectory certificates for signatures whose KeyInfo only names the signer
     *                                   (X509SubjectName, X509IssuerSerial); may be null
     * @param allowSha1                  whether rsa-sha1 / sha1 signatures (legacy, still seen) are accepted, with a note
     */
    public EnvelopeSignatureVerifier(SignerTrust trust, Path signerCertificateDirectory, boolean allowSha1, Clock clock) {
        this.trust = trust;
        this.signerCertificates = new CertificateDirectory(signerCertificateDirectory);
        this.policy = new AlgorithmPolicy(allowSha1);
        this.clock = clock;
    }

    /** The check of the envelope's signature; empty when the envelope has no ds:Signature at all. */
    public Optional<SignatureCheck> verify(Path envelope) throws IOException {
        EnvelopeScan head;
        try {
            head = EnvelopeScanner.scanThroughHeader(envelope);
        } catch (XMLStreamException e) {
            return Optional.of(unreadable(e));
        }
        if (head.complete()) {
            return judge(envelope, head);
        }
        if (!placementReasons(head).isEmpty()) {
            return verifyWholeScan(envelope); // every misplaced signature is named, those after the header too
        }
        // One signature in place up to the end of the header: whether another follows, the digest pass tells.
        Element signature = head.firstSignature();
        InPlace checked = verifyInPlace(envelope, signature, signatureMethodOf(signature));
        if (!Boolean.FALSE.equals(checked.signatureAfterHeader())) {
            return verifyWholeScan(envelope); // another signature, or unknown: as if the first pass had read it all
        }
        return Optional.of(checked.check());
    }

    private Optional<SignatureCheck> verifyWholeScan(Path envelope) throws IOException {
        try {
            return judge(envelope, EnvelopeScanner.scan(envelope));
        } catch (XMLStreamException e) {
            return Optional.of(unreadable(e));
        }
    }

    private static SignatureCheck unreadable(XMLStreamException e) throws IOException {
        ParserMessages.rethrowReadFailure(e);
        // Whether or not a signature was on its way, it cannot be checked over a document that does not parse.
        return check(List.of(malformed(ParserMessages.notWellFormed(e))), null, null);
    }

    /** The check, given a scan of the whole envelope. */
    private Optional<SignatureCheck> judge(Path envelope, EnvelopeScan scan) throws IOException {
        if (scan.signatures().isEmpty()) {
            return Optional.empty();
        }
        Element signature = scan.firstSignature();
        String algorithm = signatureMethodOf(signature);
        List<Reason> placement = placementReasons(scan);
        if (!placement.isEmpty()) {
            return Optional.of(check(placement, null, algorithm));
        }
        return Optional.of(verifyInPlace(envelope, signature, algorithm).check());
    }

    /**
     * The check of a signature in its place, and whether the digest pass saw a ds:Signature after the header (null
     * when it did not run).
     */
    private record InPlace(SignatureCheck check, Boolean signatureAfterHeader) {
    }

    private InPlace verifyInPlace(Path envelope, Element signature, String algorithm) throws IOException {
        SignatureRules.Outcome rules = SignatureRules.check(signature, policy);
        List<Reason> reasons = new ArrayList<>(rules.reasons());
        if (rules.reference() == null) {
            return new InPlace(check(reasons, null, algorithm), null);
        }
        SignatureValue value;
        SignerCertificates certificates;
        try {
            value = SignatureValue.of(signature);
            certificates = SignerCertificates.of(signature, signerCertificates);
        } catch (XMLSecurityException e) {
            // The library's message is English; the Vietnamese phrase says the same without it.
            reasons.add(malformed(new Bilingual("thư viện Santuario không đọc được chữ ký",
                    "Santuario cannot read the signature: " + e.getMessage())));
            return new InPlace(check(reasons, null, algorithm), null);
        } catch (CertificateException e) {
            reasons.add(malformed(new Bilingual("không giải mã được một chứng thư trong KeyInfo",
                    "a certificate in KeyInfo cannot be decoded: " + e.getMessage())));
            return new InPlace(check(reasons, null, algorithm), null);
        }
        X509Certificate signer = certificates.candidates().stream()
                .filter(candidate -> value.verifiesWith(candidate.getPublicKey())).findFirst().orElse(null);
        if (certificates.candidates().isEmpty()) {
            reasons.add(SignatureProblem.CERTIFICATE_MISSING.reason(certificates.sought()));
        } else if (signer == null) {
            reasons.add(SignatureProblem.SIGNATURE_VALUE_INVALID.reason(subjectsOf(certificates.candidates())));
        }
        Boolean signatureAfterHeader = digestReasons(envelope, rules.reference(), reasons);
        if (signer != null) {
            List<X509Certificate> others = new ArrayList<>(certificates.pool());
            others.remove(signer);
            // XML-DSig as used here signs no signing time, so the certificate is judged as of now.
            reasons.addAll(trust.judge(signer, others, clock.instant()));
        }
        return new InPlace(check(reasons, signer, algorithm), signatureAfterHeader);
    }

    /**
     * Adds to {@code reasons} what the digest pass finds wrong; returns whether it saw a ds:Signature after the
     * header, or null when the document did not parse to its end.
     */
    private static Boolean digestReasons(Path envelope, SignedReference reference, List<Reason> reasons)
            throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance(AlgorithmPolicy.jcaDigestName(reference.digestMethod()));
            CanonicalDigest.Digest computed = CanonicalDigest.compute(
                    envelope, reference.canonicalization(), reference.inclusivePrefixes(), digest);
            if (!MessageDigest.isEqual(computed.value(), reference.digestValue())) {
                reasons.add(SignatureProblem.DIGEST_MISMATCH.reason("Reference URI=\"\", " + reference.digestMethod()));
            }
            return computed.signatureAfterHeader();
        } catch (XMLStreamException e) {
            ParserMessages.rethrowReadFailure(e);
            reasons.add(malformed(ParserMessages.notWellFormed(e)));
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks a digest the policy allows: " + reference.digestMethod(), e);
        }
    }

    private static List<Reason> placementReasons(EnvelopeScan scan) {
        List<Reason> reasons = new ArrayList<>();
        if (scan.signatures().size() > 1) {
            reasons.add(SignatureProblem.SIGNATURE_DUPLICATED.reason());
        }
        for (EnvelopeScan.FoundSignature found : scan.signatures()) {
            if (!found.inPlace()) {
                reasons.add(SignatureProblem.SIGNATURE_MISPLACED.reason(found.childOfHeader()
                        ? new Bilingual("sau " + found.path() + " còn một phần tử khác", found.path() + " is followed by another element")
                        : found.path()));
            }
        }
        return reasons;
    }

    private static String signatureMethodOf(Element signature) {
        Element signedInfo = DsElements.child(signature, "SignedInfo");
        return signedInfo == null ? null : DsElements.algorithmOf(signedInfo, "SignatureMethod");
    }

    private static String subjectsOf(List<X509Certificate> certificates) {
        return String.join("; ", certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    private static Reason malformed(Bilingual detail) {
        return SignatureProblem.SIGNATURE_MALFORMED.reason(detail);
    }

    private static SignatureCheck check(List<Reason> reasons, X509Certificate signer, String algorithm) {
        return new SignatureCheck(SignatureCheck.Kind.ENVELOPE_XMLDSIG, WHERE, SignatureCheck.verdictOf(reasons), reasons,
                signer == null ? null : SignerIdentity.of(signer), null, false, algorithm);
    }
}
