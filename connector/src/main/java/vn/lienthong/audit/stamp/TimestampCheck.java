package vn.lienthong.audit.stamp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks an RFC 3161 time stamp over some bytes, offline: that it is over SHA-256 of exactly these bytes, that the
 * TSA's signature over it holds with the certificate the token carries, and, when the auditor names a TSA
 * certificate, that the token was signed by that TSA (its own certificate, or one it issued).
 */
public final class TimestampCheck {

    /**
     * What a valid time stamp says.
     *
     * @param time      when the TSA stamped it (genTime)
     * @param tsaSubject the signing certificate's subject, RFC 2253
     * @param pinned    whether the signer was checked against a TSA certificate the caller gave
     * @param serial    the token's serial number, in lower-case hexadecimal
     */
    public record Verified(Instant time, String tsaSubject, boolean pinned, String serial) {
    }

    private TimestampCheck() {
    }

    /**
     * @param pinnedTsa the TSA certificate to insist on; null to accept any TSA whose token verifies with the
     *                  certificate inside it
     * @throws StampException {@code TIMESTAMP_MALFORMED}, {@code TIMESTAMP_OTHER_DATA}, {@code TIMESTAMP_NO_CERTIFICATE},
     *                        {@code TIMESTAMP_SIGNATURE_INVALID} or {@code TIMESTAMP_UNTRUSTED_TSA}
     */
    public static Verified verify(byte[] tokenDer, byte[] data, X509Certificate pinnedTsa) throws StampException {
        TimeStampToken token = parsed(tokenDer);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        checkImprint(info, data);
        X509Certificate signer = signerCertificate(token);
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            throw new StampException("TIMESTAMP_SIGNATURE_INVALID",
                    "Chữ ký của máy chủ cấp dấu thời gian trên dấu thời gian không hợp lệ: nội dung đã bị sửa,"
                            + " hoặc chứng thư số kèm theo không phải của bên ký hay không dùng để cấp dấu thời gian.",
                    "The time-stamping authority's signature on the time stamp is invalid (" + e.getMessage() + ").", e);
        }
        if (pinnedTsa != null && !signedBy(signer, pinnedTsa)) {
            throw new StampException("TIMESTAMP_UNTRUSTED_TSA",
                    "Dấu thời gian do " + subject(signer) + " cấp, không phải máy chủ cấp dấu thời gian được tin cậy "
                            + subject(pinnedTsa) + ".",
                    "The time stamp was issued by " + subject(signer) + ", not by the trusted time-stamping authority "
                            + subject(pinnedTsa) + ".");
        }
        return new Verified(info.getGenTime().toInstant(), subject(signer), pinnedTsa != null,
                info.getSerialNumber().toString(16));
    }

    private static TimeStampToken parsed(byte[] tokenDer) throws StampException {
        try {
            return new TimeStampToken(new CMSSignedData(tokenDer));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new StampException("TIMESTAMP_MALFORMED",
                    "Dấu thời gian không đọc được: không phải một TimeStampToken RFC 3161 mã hóa DER.",
                    "The time stamp cannot be read: it is not a DER RFC 3161 TimeStampToken.", e);
        }
    }

    private static void checkImprint(TimeStampTokenInfo info, byte[] data) throws StampException {
        byte[] expected = TsaClient.sha256(data);
        byte[] stamped = info.getMessageImprintDigest();
        boolean sha256 = NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID());
        if (!sha256 || !MessageDigest.isEqual(expected, stamped)) {
            String over = (sha256 ? "SHA-256 " : info.getMessageImprintAlgOID() + " ") + HexFormat.of().formatHex(stamped);
            String wanted = "SHA-256 " + HexFormat.of().formatHex(expected);
            throw new StampException("TIMESTAMP_OTHER_DATA",
                    "Dấu thời gian được cấp cho một giá trị băm khác: dấu thời gian mang " + over
                            + ", còn nội dung cần chứng thực có " + wanted + ".",
                    "The time stamp is over another hash: it carries " + over + ", while the data has " + wanted + ".");
        }
    }

    private static X509Certificate signerCertificate(TimeStampToken token) throws StampException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new StampException("TIMESTAMP_NO_CERTIFICATE",
                    "Dấu thời gian không kèm chứng thư số của máy chủ cấp dấu thời gian đã ký nó.",
                    "The time stamp does not carry the certificate of the time-stamping authority that signed it.");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new StampException("TIMESTAMP_MALFORMED",
                    "Chứng thư số kèm theo dấu thời gian không đọc được.",
                    "The certificate in the time stamp cannot be read.", e);
        }
    }

    /** The pinned certificate itself, or one it issued: same issuer name and a signature its key verifies. */
    private static boolean signedBy(X509Certificate signer, X509Certificate pinned) {
        if (signer.equals(pinned)) {
            return true;
        }
        if (!signer.getIssuerX500Principal().equals(pinned.getSubjectX500Principal())) {
            return false;
        }
        try {
            signer.verify(pinned.getPublicKey());
            return true;
        } catch (GeneralSecurityException notIssuedByIt) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
