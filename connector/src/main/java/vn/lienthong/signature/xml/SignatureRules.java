package vn.lienthong.signature.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

/**
 * The rules an envelope signature's SignedInfo must follow before any cryptography is done. The point is
 * signature-wrapping resistance: exactly one Reference, URI="", the enveloped-signature transform and at most one
 * C14N 1.0 transform after it, so that what the signature covers is always the whole document we process. The
 * enveloped transform alone is accepted: XML-DSig then canonicalizes with inclusive C14N 1.0, a form signers use.
 * Algorithms are checked against the {@link AlgorithmPolicy}.
 */
final class SignatureRules {

    /** The reference to digest (null when a rule is broken), and every reason found, legacy notes included. */
    record Outcome(SignedReference reference, List<Reason> reasons) {
    }

    private final AlgorithmPolicy policy;
    private final List<Reason> reasons = new ArrayList<>();

    private SignatureRules(AlgorithmPolicy policy) {
        this.policy = policy;
    }

    static Outcome check(Element signature, AlgorithmPolicy policy) {
        return new SignatureRules(policy).check(signature);
    }

    private Outcome check(Element signature) {
        Element signedInfo = DsElements.child(signature, "SignedInfo");
        if (signedInfo == null || DsElements.child(signature, "SignatureValue") == null) {
            return malformed(new Bilingual("ds:Signature phải có ds:SignedInfo và ds:SignatureValue",
                    "ds:Signature needs a ds:SignedInfo and a ds:SignatureValue"));
        }
        String signedInfoCanonicalization = DsElements.algorithmOf(signedInfo, "CanonicalizationMethod");
        String signatureMethod = DsElements.algorithmOf(signedInfo, "SignatureMethod");
        if (signedInfoCanonicalization == null || signatureMethod == null) {
            return malformed(new Bilingual("ds:SignedInfo phải có CanonicalizationMethod và SignatureMethod",
                    "ds:SignedInfo needs a CanonicalizationMethod and a SignatureMethod"));
        }
        if (!XmlDsig.isCanonicalization(signedInfoCanonicalization)) {
            reasons.add(SignatureProblem.TRANSFORM_NOT_ALLOWED.reason(signedInfoCanonicalization));
        }
        checkSignatureMethod(DsElements.child(signedInfo, "SignatureMethod"), signatureMethod);
        List<Element> references = DsElements.children(signedInfo, "Reference");
        if (references.size() != 1) {
            reasons.add(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT.reason(new Bilingual(
                    "ds:SignedInfo có " + references.size() + " phần tử ds:Reference thay vì đúng 1",
                    "ds:SignedInfo has " + references.size() + " ds:Reference elements, not 1")));
            return outcome(null);
        }
        return outcome(reference(references.get(0)));
    }

    private void checkSignatureMethod(Element method, String uri) {
        note(policy.signatureMethod(uri), uri);
        // RSASSA-PSS names its digest in parameters; only an allowed one will do.
        NodeList digests = method.getElementsByTagNameNS(XmlDsig.NAMESPACE, "DigestMethod");
        for (int i = 0; i < digests.getLength(); i++) {
            String digestUri = ((Element) digests.item(i)).getAttribute("Algorithm");
            if (policy.digestMethod(digestUri) != AlgorithmPolicy.Standing.ALLOWED) {
                reasons.add(SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(digestUri));
            }
        }
    }

    private SignedReference reference(Element reference) {
        if (!reference.hasAttribute("URI")) {
            reasons.add(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT.reason(
                    new Bilingual("ds:Reference không có thuộc tính URI", "ds:Reference has no URI attribute")));
        } else if (!reference.getAttribute("URI").isEmpty()) {
            reasons.add(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT.reason(
                    "URI=\"" + reference.getAttribute("URI") + "\""));
        }
        Element canonicalization = checkTransforms(reference);
        String digestMethod = DsElements.algorithmOf(reference, "DigestMethod");
        Element digestValue = DsElements.child(reference, "DigestValue");
        if (digestMethod == null || digestValue == null) {
            reasons.add(SignatureProblem.SIGNATURE_MALFORMED.reason(new Bilingual(
                    "ds:Reference phải có DigestMethod và DigestValue", "ds:Reference needs a DigestMethod and a DigestValue")));
            return null;
        }
        note(policy.digestMethod(digestMethod), digestMethod);
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(DsElements.compactText(digestValue));
        } catch (IllegalArgumentException e) {
            reasons.add(SignatureProblem.SIGNATURE_MALFORMED.reason(
                    new Bilingual("ds:DigestValue không phải dữ liệu base64", "ds:DigestValue is not base64")));
            return null;
        }
        String c14n = canonicalization == null ? XmlDsig.C14N : canonicalization.getAttribute("Algorithm");
        return new SignedReference(c14n, inclusivePrefixes(canonicalization), digestMethod, digest);
    }

    /** Checks the transform list; returns the C14N transform element, or null when there is none. */
    private Element checkTransforms(Element reference) {
        Element transforms = DsElements.child(reference, "Transforms");
        List<Element> list = transforms == null ? List.of() : DsElements.children(transforms, "Transform");
        List<String> uris = list.stream().map(transform -> transform.getAttribute("Algorithm")).toList();
        List<String> unknown = uris.stream()
                .filter(uri -> !XmlDsig.ENVELOPED.equals(uri) && !XmlDsig.isCanonicalization(uri)).toList();
        unknown.forEach(uri -> reasons.add(SignatureProblem.TRANSFORM_NOT_ALLOWED.reason(uri)));
        boolean envelopedFirst = !uris.isEmpty() && XmlDsig.ENVELOPED.equals(uris.get(0));
        boolean wellFormed = envelopedFirst
                && (uris.size() == 1 || uris.size() == 2 && XmlDsig.isCanonicalization(uris.get(1)));
        if (!envelopedFirst) {
            reasons.add(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT.reason(new Bilingual(
                    "phép biến đổi đầu tiên phải là " + XmlDsig.ENVELOPED, "the first transform must be " + XmlDsig.ENVELOPED)));
        } else if (!wellFormed && unknown.isEmpty()) {
            // The URIs are the same in both languages; the word between them is not.
            reasons.add(SignatureProblem.TRANSFORM_NOT_ALLOWED.reason(
                    new Bilingual(String.join(" rồi ", uris), String.join(" then ", uris))));
        }
        return wellFormed && uris.size() == 2 ? list.get(1) : null;
    }

    private static List<String> inclusivePrefixes(Element canonicalization) {
        if (canonicalization == null) {
            return List.of();
        }
        List<Element> inclusive =
                DsElements.children(canonicalization, XmlDsig.EXCLUSIVE_C14N_NAMESPACE, "InclusiveNamespaces");
        if (inclusive.isEmpty() || inclusive.get(0).getAttribute("PrefixList").isBlank()) {
            return List.of();
        }
        return Arrays.asList(inclusive.get(0).getAttribute("PrefixList").trim().split("\\s+"));
    }

    private void note(AlgorithmPolicy.Standing standing, String uri) {
        if (standing == AlgorithmPolicy.Standing.REFUSED) {
            reasons.add(SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(uri));
        } else if (standing == AlgorithmPolicy.Standing.LEGACY) {
            reasons.add(SignatureProblem.ALGORITHM_LEGACY.reason(uri));
        }
    }

    private Outcome malformed(Bilingual detail) {
        reasons.add(SignatureProblem.SIGNATURE_MALFORMED.reason(detail));
        return outcome(null);
    }

    /** A reference is only worth digesting when no rule is broken. */
    private Outcome outcome(SignedReference reference) {
        boolean broken = reasons.stream().anyMatch(reason -> reason.implies() == Verdict.INVALID);
        return new Outcome(broken ? null : reference, reasons);
    }
}
