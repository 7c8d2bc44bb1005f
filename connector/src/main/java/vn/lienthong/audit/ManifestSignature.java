package vn.lienthong.audit;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Selector;
import vn.lienthong.signature.xml.SigningKey;

/**
 * The agency's detached CMS signature over the bundle's manifest ({@code META-INF/signature.p7s}, DER), which
 * {@code openssl cms -verify -binary -inform DER -content META-INF/ASiCManifest.xml} checks as well as we do.
 */
final class ManifestSignature {

    private ManifestSignature() {
    }

    static byte[] sign(SigningKey key, byte[] manifest) {
        try {
            String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(algorithm);
            if (key.provider() != null) {
                signerBuilder.setProvider(key.provider());
            }
            ContentSigner signer = signerBuilder.build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(signer, key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded();
        } catch (OperatorCreationException | CertificateException | CMSException | IOException e) {
            throw new IllegalStateException("could not sign the evidence bundle's manifest with the agency key", e);
        }
    }

    /** Checks the signature over {@code manifest} with the certificate it carries; returns that certificate. */
    static X509Certificate verify(byte[] signature, byte[] manifest) throws AuditProblem {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw invalid("nó có " + signers.size() + " người ký thay vì một", "it has " + signers.size()
                        + " signers instead of one");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches((Selector) signer.getSID());
            if (matches.isEmpty()) {
                throw invalid("nó không mang chứng thư của người ký", "it does not carry the signer's certificate");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                throw invalid("chữ ký không khớp với bản kê", "the signature does not match the manifest");
            }
            return certificate;
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            throw invalid("chữ ký không khớp với bản kê hoặc không đọc được",
                    "the signature does not match the manifest or cannot be read (" + e.getMessage() + ")");
        }
    }

    private static AuditProblem invalid(String vietnamese, String english) {
        return new AuditProblem("EVIDENCE_MANIFEST_SIGNATURE_INVALID", -1,
                "Chữ ký " + EvidenceFiles.MANIFEST_SIGNATURE + " trên bản kê của gói bằng chứng không hợp lệ: " + vietnamese
                        + ".",
                "The signature " + EvidenceFiles.MANIFEST_SIGNATURE + " on the evidence bundle's manifest is invalid: "
                        + english + ".");
    }
}
