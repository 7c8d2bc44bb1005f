package vn.lienthong.runtime;

import java.nio.file.Path;
import java.util.Properties;
import vn.lienthong.signature.xml.EnvelopeSigner;
import vn.lienthong.signature.xml.SigningKey;

/**
 * The agency's signing key for outgoing envelopes, if configured: a PKCS#12 file ({@code lienthong.signing.pkcs12},
 * password from LIENTHONG_SIGNING_PASSWORD) or a PKCS#11 token through a SunPKCS11 configuration file
 * ({@code lienthong.signing.pkcs11-config}, PIN from LIENTHONG_SIGNING_PIN). The password or PIN may instead be the
 * content of the file named by {@code lienthong.signing.secret-file}. Secrets never come from a property value.
 */
final class AgencySigner {

    static final String PASSWORD_VARIABLE = "LIENTHONG_SIGNING_PASSWORD";
    static final String PIN_VARIABLE = "LIENTHONG_SIGNING_PIN";

    private AgencySigner() {
    }

    /** Null when outgoing envelopes are not to be signed. */
    static EnvelopeSigner fromProperties(Properties properties) {
        String pkcs12 = properties.getProperty("lienthong.signing.pkcs12", "").strip();
        String pkcs11 = properties.getProperty("lienthong.signing.pkcs11-config", "").strip();
        String alias = properties.getProperty("lienthong.signing.alias", "").strip();
        try {
            if (!pkcs12.isEmpty()) {
                return new EnvelopeSigner(SigningKey.fromPkcs12(Path.of(pkcs12), secret(PASSWORD_VARIABLE, properties),
                        alias.isEmpty() ? null : alias));
            }
            if (!pkcs11.isEmpty()) {
                return new EnvelopeSigner(SigningKey.fromPkcs11(Path.of(pkcs11), secret(PIN_VARIABLE, properties),
                        alias.isEmpty() ? null : alias));
            }
            return null;
        } catch (Exception e) {
            throw new IllegalArgumentException("the signing key cannot be used: " + e.getMessage(), e);
        }
    }

    private static char[] secret(String variable, Properties properties) throws java.io.IOException {
        String value = System.getenv(variable);
        if (value != null) {
            return value.toCharArray();
        }
        String file = properties.getProperty("lienthong.signing.secret-file", "").strip();
        return file.isEmpty() ? new char[0]
                : java.nio.file.Files.readString(Path.of(file), java.nio.charset.StandardCharsets.UTF_8).strip().toCharArray();
    }
}
