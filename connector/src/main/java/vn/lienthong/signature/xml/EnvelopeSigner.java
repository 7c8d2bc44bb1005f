package vn.lienthong.signature.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.codehaus.stax2.XMLStreamReader2;
import org.w3c.dom.Element;

/**
 * Signs an edXML envelope with an enveloped XML-DSig in the form seen in the field: C14N 1.0 (inclusive),
 * Reference URI="" with the enveloped-signature transform, SHA-256, RSA (rsa-sha256) or, for an EC key, ECDSA
 * (ecdsa-sha256), KeyInfo/X509Data with the signer's chain. The ds:Signature becomes the last child of edXMLHeader.
 *
 * <p>Heap use does not depend on the envelope's size: the digest is computed by the same streaming canonicalizer
 * the verifier uses ({@link CanonicalDigest}); only the SignedInfo is canonicalized in DOM (a skeleton of its
 * ancestors gives it the namespaces in scope in the envelope); the signed file is the original text with the
 * signature inserted ({@link SignatureInsertion}). The envelope is read three times (scan, digest, copy).
 */
public final class EnvelopeSigner {

    static {
        Init.init();
    }

    private final SigningKey key;
    private final String signatureMethod;
    private final String jcaAlgorithm;

    public EnvelopeSigner(SigningKey key) {
        this.key = key;
        switch (key.privateKey().getAlgorithm()) {
            case "RSA" -> {
                signatureMethod = XmlDsig.RSA_SHA256;
                jcaAlgorithm = "SHA256withRSA";
            }
            case "EC" -> {
                // XML-DSig wants r||s, not the DER sequence SHA256withECDSA produces.
                signatureMethod = XmlDsig.ECDSA_SHA256;
                jcaAlgorithm = "SHA256withECDSAinP1363Format";
            }
            default -> throw new IllegalArgumentException(
                    "envelopes are signed with RSA or EC keys, not " + key.privateKey().getAlgorithm());
        }
    }

    /**
     * Writes {@code envelope} signed to {@code signedEnvelope} (which may be the same file; it is replaced only once
     * the signed envelope is complete).
     *
     * @throws EnvelopeNotSignableException when the envelope does not parse, has no header or is already signed
     */
    /** The signing key's certificate (its expiry is watched by /metrics and /health/ready). */
    public java.security.cert.X509Certificate certificate() {
        return key.certificate();
    }

    /** The agency's key itself, for what else it signs (an evidence bundle's manifest). */
    public SigningKey key() {
        return key;
    }

    public void sign(Path envelope, Path signedEnvelope) throws IOException {
        EnvelopeScan scan = scan(envelope);
        try {
            byte[] digest = CanonicalDigest.of(envelope, XmlDsig.C14N, List.of(), MessageDigest.getInstance("SHA-256"));
            String signedInfo = SignatureXml.signedInfo(signatureMethod, digest);
            byte[] value = signatureValue(canonicalSignedInfo(scan.header(), signedInfo));
            String signature = SignatureXml.signature(signedInfo, value, key.chain());
            SignatureInsertion.write(envelope, signedEnvelope, scan.headerEndOffset(), scan.charset(), signature);
        } catch (XMLStreamException e) {
            ParserMessages.rethrowReadFailure(e);
            throw new EnvelopeNotSignableException(ParserMessages.notWellFormed(e).english());
        } catch (GeneralSecurityException | XMLSecurityException e) {
            throw new IOException("the envelope could not be signed with " + key + ": " + e.getMessage(), e);
        }
    }

    private static EnvelopeScan scan(Path envelope) throws IOException {
        EnvelopeScan scan;
        try {
            scan = EnvelopeScanner.scan(envelope);
        } catch (XMLStreamException e) {
            ParserMessages.rethrowReadFailure(e);
            throw new EnvelopeNotSignableException(ParserMessages.notWellFormed(e).english());
        }
        if (!scan.signatures().isEmpty()) {
            throw new EnvelopeNotSignableException("the envelope already carries a ds:Signature at "
                    + scan.signatures().get(0).path() + "; a second one would make it invalid");
        }
        if (scan.header() == null) {
            throw new EnvelopeNotSignableException("the envelope has no edXML/edXMLEnvelope/edXMLHeader to sign in");
        }
        return scan;
    }

    /** The canonical SignedInfo as it will read in place: parsed under the header skeleton, then canonicalized. */
    private static byte[] canonicalSignedInfo(Element header, String signedInfo)
            throws XMLStreamException, XMLSecurityException, IOException {
        String unsigned = "<Signature xmlns=\"" + XmlDsig.NAMESPACE + "\">" + signedInfo + "</Signature>";
        XMLStreamReader2 reader = SecureXmlInput.reader(
                new ByteArrayInputStream(unsigned.getBytes(StandardCharsets.UTF_8)));
        Element signature;
        try {
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                // Only the start document event comes before the element we wrote.
            }
            signature = SubtreeCopy.copy(reader, header);
        } finally {
            reader.closeCompletely();
        }
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(XmlDsig.C14N).canonicalizeSubtree(DsElements.child(signature, "SignedInfo"), canonical);
        header.removeChild(signature);
        return canonical.toByteArray();
    }

    private byte[] signatureValue(byte[] canonicalSignedInfo) throws GeneralSecurityException {
        Signature signer = key.newSignature(jcaAlgorithm);
        signer.initSign(key.privateKey());
        signer.update(canonicalSignedInfo);
        return signer.sign();
    }
}
