package vn.lienthong.signature.xml;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * The text of the ds:Signature the signer inserts, written out rather than serialized from DOM, so that the bytes
 * signed (the canonical form of exactly this SignedInfo in its place) and the bytes written are the same text.
 * Elements are unprefixed in the XML-DSig default namespace, as .NET's SignedXml writes them, and without
 * whitespace between them.
 */
final class SignatureXml {

    private SignatureXml() {
    }

    static String signedInfo(String signatureMethod, byte[] digest) {
        return "<SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"" + XmlDsig.C14N + "\"/>"
                + "<SignatureMethod Algorithm=\"" + signatureMethod + "\"/>"
                + "<Reference URI=\"\">"
                + "<Transforms>"
                + "<Transform Algorithm=\"" + XmlDsig.ENVELOPED + "\"/>"
                + "<Transform Algorithm=\"" + XmlDsig.C14N + "\"/>"
                + "</Transforms>"
                + "<DigestMethod Algorithm=\"" + XmlDsig.SHA256 + "\"/>"
                + "<DigestValue>" + base64(digest) + "</DigestValue>"
                + "</Reference>"
                + "</SignedInfo>";
    }

    /** The whole signature, around the very SignedInfo text that was signed. */
    static String signature(String signedInfo, byte[] signatureValue, List<X509Certificate> chain)
            throws CertificateEncodingException {
        StringBuilder xml = new StringBuilder(4096)
                .append("<Signature xmlns=\"").append(XmlDsig.NAMESPACE).append("\">")
                .append(signedInfo)
                .append("<SignatureValue>").append(base64(signatureValue)).append("</SignatureValue>")
                .append("<KeyInfo><X509Data>");
        for (X509Certificate certificate : chain) {
            xml.append("<X509Certificate>").append(base64(certificate.getEncoded())).append("</X509Certificate>");
        }
        return xml.append("</X509Data></KeyInfo></Signature>").toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
