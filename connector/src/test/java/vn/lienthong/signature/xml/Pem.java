package vn.lienthong.signature.xml;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM text of certificates and (PKCS#8) private keys, for the command-line tools. */
final class Pem {

    private Pem() {
    }

    static String certificate(X509Certificate certificate) throws Exception {
        return block("CERTIFICATE", certificate.getEncoded());
    }

    static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
