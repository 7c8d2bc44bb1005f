package vn.lienthong.signature.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.w3c.dom.Element;
import vn.lienthong.findings.Bilingual;

/**
 * The certificates that may have made a signature: those in KeyInfo/X509Data/X509Certificate; when there are none,
 * those in the signer-certificate directory that KeyInfo names by X509SubjectName or X509IssuerSerial.
 *
 * @param candidates the certificates whose keys may verify the signature (empty: none found)
 * @param pool       every certificate at hand, for the intermediates of the path
 * @param sought     what KeyInfo asked for, in words of both languages, for the reason when nothing was found
 */
record SignerCertificates(List<X509Certificate> candidates, List<X509Certificate> pool, Bilingual sought) {

    SignerCertificates {
        candidates = List.copyOf(candidates);
        pool = List.copyOf(pool);
    }

    /** @throws CertificateException when KeyInfo carries a certificate that cannot be decoded */
    static SignerCertificates of(Element signature, CertificateDirectory directory)
            throws CertificateException, IOException {
        List<Element> x509Data = x509Data(signature);
        List<X509Certificate> carried = new ArrayList<>();
        for (Element data : x509Data) {
            for (Element encoded : DsElements.children(data, "X509Certificate")) {
                carried.add(decode(DsElements.compactText(encoded)));
            }
        }
        if (!carried.isEmpty()) {
            String where = "KeyInfo/X509Data/X509Certificate";
            return new SignerCertificates(carried, carried, new Bilingual(where, where));
        }
        List<String> subjects = new ArrayList<>();
        List<Element> issuerSerials = new ArrayList<>();
        for (Element data : x509Data) {
            DsElements.children(data, "X509SubjectName").forEach(name -> subjects.add(name.getTextContent().trim()));
            issuerSerials.addAll(DsElements.children(data, "X509IssuerSerial"));
        }
        if (subjects.isEmpty() && issuerSerials.isEmpty()) {
            return new SignerCertificates(List.of(), List.of(), new Bilingual(
                    "KeyInfo không có X509Data chứa chứng thư hay tên của chứng thư",
                    "KeyInfo has no X509Data with a certificate or its name"));
        }
        List<X509Certificate> pool = directory.certificates();
        List<X509Certificate> named = pool.stream()
                .filter(certificate -> subjects.stream().anyMatch(subject -> hasSubject(certificate, subject))
                        || issuerSerials.stream().anyMatch(issuerSerial -> hasIssuerSerial(certificate, issuerSerial)))
                .toList();
        String names = String.join("; ", subjects) + (issuerSerials.isEmpty() ? "" : " (X509IssuerSerial)");
        return new SignerCertificates(named, pool, new Bilingual(
                names + ", không có trong thư mục chứng thư người ký " + directory,
                names + ", not found in the signer-certificate directory " + directory));
    }

    private static List<Element> x509Data(Element signature) {
        Element keyInfo = DsElements.child(signature, "KeyInfo");
        return keyInfo == null ? List.of() : DsElements.children(keyInfo, "X509Data");
    }

    private static X509Certificate decode(String base64) throws CertificateException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CertificateException("an X509Certificate in KeyInfo is not base64");
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static boolean hasSubject(X509Certificate certificate, String subject) {
        try {
            return certificate.getSubjectX500Principal().equals(new X500Principal(subject));
        } catch (IllegalArgumentException e) {
            return false;  // a name that does not parse names no certificate
        }
    }

    private static boolean hasIssuerSerial(X509Certificate certificate, Element issuerSerial) {
        Element issuer = DsElements.child(issuerSerial, "X509IssuerName");
        Element serial = DsElements.child(issuerSerial, "X509SerialNumber");
        try {
            return issuer != null && serial != null
                    && certificate.getIssuerX500Principal().equals(new X500Principal(issuer.getTextContent().trim()))
                    && certificate.getSerialNumber().equals(new BigInteger(serial.getTextContent().trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
