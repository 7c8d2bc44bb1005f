package vn.lienthong.signature.pki;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** What a certificate says about itself that the checks need: where its CRL and OCSP responder are, whether it is self-signed. */
final class CertificateFacts {

    private CertificateFacts() {
    }

    /** The HTTP(S) URLs of the CRL distribution points; LDAP and file URLs are ignored on purpose. */
    static List<URI> crlUrls(X509Certificate certificate) {
        List<URI> urls = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints);
        if (value == null) {
            return urls;
        }
        for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                addHttpUrls(GeneralNames.getInstance(name.getName()).getNames(), urls);
            }
        }
        return urls;
    }

    /** The HTTP(S) URLs of the OCSP responders named in the Authority Information Access extension. */
    static List<URI> ocspUrls(X509Certificate certificate) {
        List<URI> urls = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess);
        if (value == null) {
            return urls;
        }
        for (AccessDescription access : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
            if (AccessDescription.id_ad_ocsp.equals(access.getAccessMethod())) {
                addHttpUrls(new GeneralName[] {access.getAccessLocation()}, urls);
            }
        }
        return urls;
    }

    static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** For logs: serial and issuer identify a certificate without naming the person it belongs to. */
    static String logId(X509Certificate certificate) {
        return "serial " + certificate.getSerialNumber().toString(16) + " of " + certificate.getIssuerX500Principal().getName();
    }

    private static void addHttpUrls(GeneralName[] names, List<URI> urls) {
        for (GeneralName name : names) {
            if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
                continue;
            }
            try {
                URI uri = URI.create(name.getName().toString());
                if (isHttp(uri)) {
                    urls.add(uri);
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed URL in a certificate is the CA's mistake; the other URLs may still work.
            }
        }
    }

    private static ASN1Primitive extension(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        byte[] encoded = certificate.getExtensionValue(oid.getId());
        if (encoded == null) {
            return null;
        }
        try {
            return JcaX509ExtensionUtils.parseExtensionValue(encoded);
        } catch (IOException e) {
            return null;
        }
    }
}
