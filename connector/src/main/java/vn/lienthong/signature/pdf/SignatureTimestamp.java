package vn.lienthong.signature.pdf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.CertificateValidator;
import vn.lienthong.signature.pki.CertificateValidator.CertificateAssessment;

/**
 * An RFC 3161 signature time stamp: a trusted authority's proof that the signature value existed at genTime. It is
 * believed only when it covers this very signature value, the TSA signed it, and the TSA's certificate is trusted
 * at genTime by the same rules as a signer's.
 */
final class SignatureTimestamp {

    /** Hashes a TSA may use for the imprint; MD5 would let the imprint be forged. */
    private static final Set<String> IMPRINT_HASHES = Set.of(
            "2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2", "2.16.840.1.101.3.4.2.3", "1.3.14.3.2.26");

    /**
     * @param time    the token's genTime when it holds up; else null and {@code problem} says why
     * @param problem why the time stamp is not believed, in both languages (it becomes the argument of a reason)
     */
    record Outcome(Instant time, Bilingual problem) {

        boolean trusted() {
            return problem == null;
        }
    }

    private final CertificateValidator certificates;

    SignatureTimestamp(CertificateValidator certificates) {
        this.certificates = certificates;
    }

    /** @param signatureCertificates the certificates of the signature itself, where some tools put the TSA's */
    Outcome judge(TimeStampToken token, byte[] signatureValue, List<X509Certificate> signatureCertificates) {
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        String imprintAlgorithm = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        if (!IMPRINT_HASHES.contains(imprintAlgorithm)) {
            return problem("dấu thời gian dùng thuật toán băm " + imprintAlgorithm + ", thuật toán này không được chấp nhận",
                    "the time stamp uses the digest " + imprintAlgorithm + ", which is not accepted");
        }
        if (!MessageDigest.isEqual(digest(imprintAlgorithm, signatureValue), token.getTimeStampInfo().getMessageImprintDigest())) {
            return problem("dấu thời gian được cấp cho một giá trị chữ ký khác",
                    "the time stamp was issued for another signature value");
        }
        Optional<X509Certificate> tsa = tsaCertificate(token, signatureCertificates);
        if (tsa.isEmpty()) {
            return problem("dấu thời gian không kèm chứng thư của đơn vị đã cấp nó",
                    "the time stamp does not carry the certificate of the authority that issued it");
        }
        try {
            // Also checks that the TSA certificate is bound by ESSCertID, has id-kp-timeStamping and was valid at genTime.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.get()));
        } catch (TSPException | OperatorCreationException e) {
            // The library's message is English; the Vietnamese phrase says the same without it.
            return problem("chữ ký của đơn vị cấp dấu thời gian không hợp lệ",
                    "the time stamp authority's signature does not hold (" + e.getMessage() + ")");
        }
        List<X509Certificate> carried = TimestampCertificates.carried(token);
        carried.addAll(signatureCertificates);
        CertificateAssessment assessment = certificates.assess(tsa.get(), carried, genTime);
        if (assessment.verdict() != Verdict.VALID) {
            return problem("chứng thư của đơn vị cấp dấu thời gian không đáng tin cậy: "
                            + assessment.reasons().stream().map(Reason::vietnamese).collect(Collectors.joining(" ")),
                    "the time stamp authority's certificate is not trusted: "
                            + assessment.reasons().stream().map(Reason::english).collect(Collectors.joining(" ")));
        }
        return new Outcome(genTime, null);
    }

    private static Outcome problem(String vietnamese, String english) {
        return new Outcome(null, new Bilingual(vietnamese, english));
    }

    private static byte[] digest(String algorithm, byte[] value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value);
        } catch (NoSuchAlgorithmException e) {
            return new byte[0];
        }
    }

    private static Optional<X509Certificate> tsaCertificate(TimeStampToken token, List<X509Certificate> signatureCertificates) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
        Optional<X509Certificate> inToken = matches.stream().findFirst().flatMap(TimestampCertificates::toX509);
        if (inToken.isPresent()) {
            return inToken;
        }
        return signatureCertificates.stream().filter(certificate -> matchesSid(token, certificate)).findFirst();
    }

    private static boolean matchesSid(TimeStampToken token, X509Certificate certificate) {
        try {
            return token.getSID().match(new JcaX509CertificateHolder(certificate));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }


}
