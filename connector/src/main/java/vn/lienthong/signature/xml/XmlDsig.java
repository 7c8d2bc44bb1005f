package vn.lienthong.signature.xml;

import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;

/** The XML-DSig names this package reads and writes, in one place. */
final class XmlDsig {

    static final String NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";
    static final String EXCLUSIVE_C14N_NAMESPACE = "http://www.w3.org/2001/10/xml-exc-c14n#";

    static final String ENVELOPED = Transforms.TRANSFORM_ENVELOPED_SIGNATURE;
    static final String C14N = Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS;
    static final String C14N_WITH_COMMENTS = Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS;
    static final String EXCLUSIVE_C14N = Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    static final String EXCLUSIVE_C14N_WITH_COMMENTS = Canonicalizer.ALGO_ID_C14N_EXCL_WITH_COMMENTS;

    static final String RSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    static final String ECDSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
    static final String SHA256 = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;

    private XmlDsig() {
    }

    /** Whether {@code uri} is one of the four C14N 1.0 forms (inclusive or exclusive, with or without comments). */
    static boolean isCanonicalization(String uri) {
        return C14N.equals(uri) || C14N_WITH_COMMENTS.equals(uri)
                || EXCLUSIVE_C14N.equals(uri) || EXCLUSIVE_C14N_WITH_COMMENTS.equals(uri);
    }

    static boolean isExclusive(String canonicalizationUri) {
        return EXCLUSIVE_C14N.equals(canonicalizationUri) || EXCLUSIVE_C14N_WITH_COMMENTS.equals(canonicalizationUri);
    }
}
