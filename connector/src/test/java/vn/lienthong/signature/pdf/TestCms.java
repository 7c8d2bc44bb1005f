package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** Detached CMS signatures as PDF signing tools make them, optionally with an RFC 3161 time stamp. */
final class TestCms {

    /** A signing key with its certificate and the rest of its chain (leaf first, no root). */
    record Key(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
    }

    /** A time stamp authority and the genTime it will put in its token. */
    record Tsa(Key key, Instant genTime) {
    }

    private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.2.3.4.1");

    private TestCms() {
    }

    /** Signs the content as it streams by; {@code algorithm} is a JCA name such as SHA256withRSA or SHA1withRSA. */
    static byte[] signDetached(InputStream content, Key signer, String algorithm, Instant signingTime, Tsa tsa) throws Exception {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey()), signer.certificate()));
        generator.addCertificates(new JcaCertStore(signer.chain()));
        CMSSignedData signed = generator.generate(new StreamedContent(content), false);
        return (tsa == null ? signed : withTimestamp(signed, tsa)).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    }

    private static CMSSignedData withTimestamp(CMSSignedData signed, Tsa tsa) throws Exception {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = timestamp(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()), tsa);
        Hashtable<ASN1ObjectIdentifier, Attribute> unsigned = new Hashtable<>();
        unsigned.put(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new Attribute(
                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(token.toCMSSignedData().toASN1Structure())));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    static TimeStampToken timestamp(byte[] sha256Imprint, Tsa tsa) throws Exception {
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.key().privateKey(), tsa.key().certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                TSA_POLICY);
        generator.addCertificates(new JcaCertStore(tsa.key().chain()));
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint);
        return generator.generate(request, BigInteger.valueOf(System.nanoTime()), Date.from(tsa.genTime()));
    }

    /** Content the generator digests as it is written, so a 50 MB PDF is never a byte[]. */
    private static final class StreamedContent implements CMSTypedData {
        private final InputStream in;

        StreamedContent(InputStream in) {
            this.in = in;
        }

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
