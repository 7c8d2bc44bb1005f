package vn.lienthong.signature.xml;

import java.util.List;

/**
 * The one Reference of an envelope signature, once it has passed the rules: how to canonicalize the document and
 * which digest the signer computed over it.
 *
 * @param canonicalization  the C14N 1.0 algorithm applied after the enveloped-signature transform
 * @param inclusivePrefixes exclusive C14N's InclusiveNamespaces PrefixList ("#default" stands for the default namespace)
 * @param digestMethod      the DigestMethod URI
 * @param digestValue       the DigestValue, decoded
 */
record SignedReference(String canonicalization, List<String> inclusivePrefixes, String digestMethod, byte[] digestValue) {

    SignedReference {
        inclusivePrefixes = List.copyOf(inclusivePrefixes);
    }
}
