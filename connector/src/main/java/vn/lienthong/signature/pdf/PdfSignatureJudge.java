package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.SignerIdentity;
import vn.lienthong.signature.pki.CertificateValidator;

/** Judges one signature dictionary of one PDF: the bytes it covers, the CMS, the signing time, the certificate. */
final class PdfSignatureJudge {

    /** The CMS sub-filters of ISO 32000 and PAdES; adbe.pkcs7.sha1 and adbe.x509.rsa_sha1 are long deprecated. */
    private static final Set<String> DETACHED_CMS = Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");
    private static final String DOCUMENT_TIMESTAMP = "ETSI.RFC3161";

    private final CertificateValidator certificates;
    private final SignatureTimestamp timestamps;
    private final Clock clock;
    private final SignedFile file;
    private final LaterRevisions laterRevisions;
    private final DocumentTimestampJudge documentTimestamps;

    PdfSignatureJudge(CertificateValidator certificates, Clock clock, SignedFile file, LaterRevisions laterRevisions) {
        this.certificates = certificates;
        this.timestamps = new SignatureTimestamp(certificates);
        this.clock = clock;
        this.file = file;
        this.laterRevisions = laterRevisions;
        this.documentTimestamps = new DocumentTimestampJudge(certificates, file);
    }

    SignatureCheck judge(PDSignature signature, String where) throws IOException {
        List<Reason> reasons = new ArrayList<>();
        byte[] contents = signature.getContents();
        ByteRangeCheck.Outcome range = ByteRangeCheck.check(
                ByteRange.numbers(signature.getCOSObject().getDictionaryObject(COSName.BYTERANGE)), contents, file);
        if (range.valid()) {
            laterRevisions.after(range.range()).ifPresent(reasons::add);
        } else {
            reasons.add(SignatureProblem.BYTE_RANGE_INVALID.reason(range.problem()));
        }
        String subFilter = signature.getSubFilter();
        if (DOCUMENT_TIMESTAMP.equals(subFilter)) {
            return documentTimestamps.judge(contents, range, reasons, where);
        }
        if (subFilter != null && !DETACHED_CMS.contains(subFilter)) {
            reasons.add(SignatureProblem.CMS_INVALID.reason(new Bilingual("định dạng chữ ký /" + subFilter + " không được hỗ trợ",
                    "the signature format /" + subFilter + " is not supported")));
            return check(where, reasons, null, null, false, null);
        }
        CmsSignature cms;
        try {
            cms = CmsSignature.parse(contents);
        } catch (CMSException | RuntimeException e) {
            // The library's message is English; the Vietnamese phrase says the same without it.
            reasons.add(SignatureProblem.CMS_INVALID.reason(new Bilingual("/Contents không phải là chữ ký CMS",
                    "/Contents is not a CMS signature (" + e.getMessage() + ")")));
            return check(where, reasons, null, null, false, null);
        }
        AlgorithmPolicy.Judgement algorithm = AlgorithmPolicy.judge(cms.signer());
        reasons.addAll(algorithm.reasons());
        Optional<X509Certificate> signer = cms.signerCertificate();
        if (signer.isEmpty()) {
            reasons.add(SignatureProblem.CERTIFICATE_MISSING.reason(new Bilingual("chữ ký không kèm chứng thư của người ký",
                    "the signature does not carry its signer's certificate")));
        } else if (range.valid() && algorithm.usable()) {
            addIntegrity(cms, range.range(), signer.get(), reasons);
        }
        SigningTime time = signingTime(cms, signature, reasons);
        signer.ifPresent(certificate -> reasons.addAll(certificates.assess(certificate, cms.certificates(), time.judgedAt()).reasons()));
        return check(where, reasons, signer.orElse(null), time.reported(), time.timestamped(), algorithm.name());
    }

    private void addIntegrity(CmsSignature cms, ByteRange range, X509Certificate signer, List<Reason> reasons) throws IOException {
        byte[] digest;
        try {
            digest = file.digest(range, cms.newDigest());
        } catch (NoSuchAlgorithmException e) {
            reasons.add(SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(cms.signer().getDigestAlgOID()));
            return;
        }
        CmsSignature.Verification verification = cms.verify(digest, signer);
        switch (verification.integrity()) {
            case DIGEST_MISMATCH:
                reasons.add(SignatureProblem.DIGEST_MISMATCH.reason(verification.detail()));
                break;
            case SIGNATURE_INVALID:
                reasons.add(SignatureProblem.SIGNATURE_VALUE_INVALID.reason(verification.detail()));
                break;
            case MALFORMED:
                reasons.add(SignatureProblem.CMS_INVALID.reason(verification.detail()));
                break;
            default:
                break;
        }
    }

    /**
     * @param judgedAt    when the certificate is judged
     * @param reported    for SignatureCheck.signingTime: the time stamp's or the claimed time; null when there is neither
     * @param timestamped whether a valid time stamp vouches for it
     */
    private record SigningTime(Instant judgedAt, Instant reported, boolean timestamped) {
    }

    /** A valid time stamp, else what the signer claimed (signingTime, then /M), else now. */
    private SigningTime signingTime(CmsSignature cms, PDSignature signature, List<Reason> reasons) {
        Instant now = clock.instant();
        try {
            Optional<TimeStampToken> token = cms.timestampToken();
            if (token.isPresent()) {
                SignatureTimestamp.Outcome outcome = timestamps.judge(token.get(), cms.signer().getSignature(), cms.certificates());
                if (outcome.trusted()) {
                    return new SigningTime(outcome.time(), outcome.time(), true);
                }
                // As the reason's text says: an untrusted time stamp leaves only the current time to judge at.
                reasons.add(SignatureProblem.TIMESTAMP_INVALID.reason(outcome.problem()));
                return new SigningTime(now, null, false);
            }
        } catch (TSPException | CMSException | IOException | RuntimeException e) {
            reasons.add(SignatureProblem.TIMESTAMP_INVALID.reason(new Bilingual("không đọc được dấu thời gian",
                    "the time stamp cannot be read (" + e.getMessage() + ")")));
            return new SigningTime(now, null, false);
        }
        Optional<Instant> claimed = cms.claimedSigningTime()
                .or(() -> Optional.ofNullable(signature.getSignDate()).map(date -> date.toInstant()));
        return claimed.map(at -> new SigningTime(at, at, false)).orElseGet(() -> new SigningTime(now, null, false));
    }

    private static SignatureCheck check(String where, List<Reason> reasons, X509Certificate signer, Instant signingTime,
            boolean timestamped, String algorithm) {
        return new SignatureCheck(SignatureCheck.Kind.PDF, where, SignatureCheck.verdictOf(reasons), reasons,
                signer == null ? null : SignerIdentity.of(signer), signingTime, timestamped, algorithm);
    }
}
