package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.SignerIdentity;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.CertificateValidator;

/**
 * A PAdES document time stamp (/SubFilter /ETSI.RFC3161): /Contents is an RFC 3161 token whose message imprint is
 * the hash of the signed bytes. Long-term archives add one to keep earlier signatures provable; it is judged like
 * a signature whose signer is the time stamp authority, at the token's own time.
 */
final class DocumentTimestampJudge {

    private final CertificateValidator certificates;
    private final SignedFile file;

    DocumentTimestampJudge(CertificateValidator certificates, SignedFile file) {
        this.certificates = certificates;
        this.file = file;
    }

    /** @param reasons what the ByteRange check already found; added to */
    SignatureCheck judge(byte[] contents, ByteRangeCheck.Outcome range, List<Reason> reasons, String where) throws IOException {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(contents));
        } catch (TSPException | CMSException | IOException | RuntimeException e) {
            // The library's message is English; the Vietnamese phrase says the same without it.
            reasons.add(SignatureProblem.CMS_INVALID.reason(new Bilingual("/Contents không phải là dấu thời gian RFC 3161",
                    "/Contents is not an RFC 3161 time stamp token (" + e.getMessage() + ")")));
            return check(where, reasons, null, null, null);
        }
        AlgorithmPolicy.Judgement algorithm = AlgorithmPolicy.judge(
                token.toCMSSignedData().getSignerInfos().getSigners().iterator().next());
        reasons.addAll(algorithm.reasons());
        Optional<X509Certificate> tsa = tsaCertificate(token);
        if (tsa.isEmpty()) {
            reasons.add(SignatureProblem.CERTIFICATE_MISSING.reason(new Bilingual(
                    "dấu thời gian không kèm chứng thư của đơn vị cấp dấu thời gian",
                    "the time stamp does not carry its authority's certificate")));
        } else if (range.valid() && algorithm.usable()) {
            addIntegrity(token, range.range(), tsa.get(), reasons);
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        tsa.ifPresent(certificate -> reasons.addAll(certificates.assess(certificate, TimestampCertificates.carried(token), genTime).reasons()));
        return check(where, reasons, tsa.orElse(null), genTime, algorithm.name());
    }

    private void addIntegrity(TimeStampToken token, ByteRange range, X509Certificate tsa, List<Reason> reasons) throws IOException {
        try {
            byte[] digest = file.digest(range, MessageDigest.getInstance(token.getTimeStampInfo().getMessageImprintAlgOID().getId()));
            if (!MessageDigest.isEqual(digest, token.getTimeStampInfo().getMessageImprintDigest())) {
                reasons.add(SignatureProblem.DIGEST_MISMATCH.reason(new Bilingual(
                        "giá trị băm ghi trong dấu thời gian không khớp với các byte được ký",
                        "the time stamp's message imprint does not match the signed bytes")));
                return;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (NoSuchAlgorithmException e) {
            reasons.add(SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(token.getTimeStampInfo().getMessageImprintAlgOID().getId()));
        } catch (TSPException | OperatorCreationException e) {
            reasons.add(SignatureProblem.SIGNATURE_VALUE_INVALID.reason(new Bilingual(
                    "chữ ký của đơn vị cấp dấu thời gian không hợp lệ",
                    "the time stamp authority's signature does not hold (" + e.getMessage() + ")")));
        }
    }

    private static Optional<X509Certificate> tsaCertificate(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
        return matches.stream().findFirst().flatMap(TimestampCertificates::toX509);
    }



    private static SignatureCheck check(String where, List<Reason> reasons, X509Certificate tsa, Instant genTime, String algorithm) {
        Verdict verdict = SignatureCheck.verdictOf(reasons);
        // The token vouches for its time only when it holds up entirely.
        return new SignatureCheck(SignatureCheck.Kind.PDF, where, verdict, reasons,
                tsa == null ? null : SignerIdentity.of(tsa), genTime, verdict == Verdict.VALID, algorithm);
    }
}
