package vn.lienthong.signature.xml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.lienthong.edxml.EdxmlNames;

/**
 * Signs envelopes with Santuario's DOM API, in any shape a test needs — other algorithms, transforms, references,
 * KeyInfo forms and places — so that the verifier is tested against signatures it did not make itself.
 */
final class DomSigner {

    enum KeyInfoForm { CERTIFICATES, SUBJECT_NAME, ISSUER_SERIAL, NONE }

    static {
        Init.init();
    }

    String signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    String signedInfoCanonicalization = XmlDsig.C14N;
    String digestMethod = XmlDsig.SHA256;
    List<String> transforms = List.of(XmlDsig.ENVELOPED, XmlDsig.C14N);
    String referenceUri = "";
    boolean secondReference;
    /** The PrefixList of exclusive C14N's InclusiveNamespaces, or null for none. */
    String inclusiveNamespaces;
    KeyInfoForm keyInfo = KeyInfoForm.CERTIFICATES;
    Function<Document, Element> parent = DomSigner::header;

    private final Key key;
    private final List<X509Certificate> certificates;

    DomSigner(Key key, List<X509Certificate> certificates) {
        this.key = key;
        this.certificates = certificates;
    }

    static DomSigner with(TestCredentials.Credential credential) {
        return new DomSigner(credential.privateKey(), credential.chain());
    }

    String sign(String xml) throws Exception {
        Document document = parse(xml);
        signIn(document);
        return serialize(document);
    }

    /** The DigestValue Santuario computes for the (first) Reference when it signs this envelope. */
    byte[] referenceDigest(String xml) throws Exception {
        return signIn(parse(xml)).getSignedInfo().item(0).getDigestValue();
    }

    private XMLSignature signIn(Document document) throws Exception {
        XMLSignature signature = new XMLSignature(document, "", signatureMethod, signedInfoCanonicalization);
        parent.apply(document).appendChild(signature.getElement());
        signature.addDocument(referenceUri, transforms(document), digestMethod);
        if (secondReference) {
            signature.addDocument("#" + markWithId(firstChild(header(document)), "h1"), null, digestMethod);
        }
        addKeyInfo(document, signature);
        signature.sign(key);
        return signature;
    }

    static Element header(Document document) {
        return (Element) document.getElementsByTagNameNS(EdxmlNames.NAMESPACE, "edXMLHeader").item(0);
    }

    static Element body(Document document) {
        return (Element) document.getElementsByTagNameNS(EdxmlNames.NAMESPACE, "edXMLBody").item(0);
    }

    static Element firstChild(Element parent) {
        return (Element) parent.getElementsByTagNameNS("*", "*").item(0);
    }

    /** Gives the element an Id attribute Santuario resolves "#id" references to; returns the id. */
    static String markWithId(Element element, String id) {
        element.setAttributeNS(null, "Id", id);
        element.setIdAttributeNS(null, "Id", true);
        return id;
    }

    private Transforms transforms(Document document) throws Exception {
        Transforms result = new Transforms(document);
        for (String uri : transforms) {
            if (Transforms.TRANSFORM_XPATH.equals(uri)) {
                XPathContainer xpath = new XPathContainer(document);
                xpath.setXPathNamespaceContext("ds", XmlDsig.NAMESPACE);
                xpath.setXPath("not(ancestor-or-self::ds:Signature)");
                result.addTransform(uri, xpath.getElementPlusReturns());
            } else if (inclusiveNamespaces != null && XmlDsig.isExclusive(uri)) {
                result.addTransform(uri, new InclusiveNamespaces(document, inclusiveNamespaces).getElement());
            } else {
                result.addTransform(uri);
            }
        }
        return result;
    }

    private void addKeyInfo(Document document, XMLSignature signature) throws Exception {
        if (keyInfo == KeyInfoForm.NONE) {
            return;
        }
        X509Data data = new X509Data(document);
        for (X509Certificate certificate : keyInfo == KeyInfoForm.CERTIFICATES ? certificates : certificates.subList(0, 1)) {
            switch (keyInfo) {
                case CERTIFICATES -> data.addCertificate(certificate);
                case SUBJECT_NAME -> data.addSubjectName(certificate);
                case ISSUER_SERIAL -> data.addIssuerSerial(certificate.getIssuerX500Principal().getName(),
                        certificate.getSerialNumber());
                default -> throw new IllegalStateException();
            }
        }
        signature.getKeyInfo().add(data);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String serialize(Document document) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    /** Signs the same envelope twice, the second signature in {@code secondParent}. */
    static String signedTwice(TestCredentials.Credential credential, String xml, Function<Document, Element> secondParent)
            throws Exception {
        DomSigner first = with(credential);
        DomSigner second = with(credential);
        second.parent = secondParent;
        return second.sign(first.sign(xml));
    }

    static List<X509Certificate> reversed(List<X509Certificate> chain) {
        List<X509Certificate> copy = new ArrayList<>(chain);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
