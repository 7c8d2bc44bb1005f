package vn.lienthong.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import vn.lienthong.signature.xml.EnvelopeSigner;
import vn.lienthong.signature.xml.SigningKey;

/**
 * The agency's signing key, if configured: a PKCS#12 file ({@code lienthong.signing.pkcs12}, password from
 * LIENTHONG_SIGNING_PASSWORD) or a PKCS#11 token through a SunPKCS11 configuration file
 * ({@code lienthong.signing.pkcs11-config}, PIN from LIENTHONG_SIGNING_PIN). The password or PIN may instead be the
 * content of the file named by {@code lienthong.signing.secret-file}. Secrets never come from a property value.
 *
 * <p>The log's anchors are signed with the same key unless {@code lienthong.audit.signing.*} names another, with the
 * same keys under that prefix and its secret from LIENTHONG_AUDIT_SIGNING_PASSWORD, LIENTHONG_AUDIT_SIGNING_PIN or
 * {@code lienthong.audit.signing.secret-file}.
 */
final class AgencySigner {

    static final String AUDIT_PREFIX = "lienthong.audit.signing.";

    private AgencySigner() {
    }

    /** Null when outgoing envelopes are not to be signed. */
    static EnvelopeSigner fromProperties(Properties properties) {
        SigningKey key = key(properties, "lienthong.signing.", "LIENTHONG_SIGNING_");
        return key == null ? null : new EnvelopeSigner(key);
    }

    /** The key for the log's anchors: its own if configured, else the envelope signer's; null when there is none. */
    static SigningKey forAnchors(Properties properties, EnvelopeSigner envelopeSigner) {
        SigningKey own = key(properties, AUDIT_PREFIX, "LIENTHONG_AUDIT_SIGNING_");
        return own != null ? own : envelopeSigner == null ? null : envelopeSigner.key();
    }

    private static SigningKey key(Properties properties, String prefix, String variablePrefix) {
        String pkcs12 = properties.getProperty(prefix + "pkcs12", "").strip();
        String pkcs11 = properties.getProperty(prefix + "pkcs11-config", "").strip();
        String alias = properties.getProperty(prefix + "alias", "").strip();
        try {
            if (!pkcs12.isEmpty()) {
                return SigningKey.fromPkcs12(Path.of(pkcs12), secret(variablePrefix + "PASSWORD", prefix, properties),
                        alias.isEmpty() ? null : alias);
            }
            if (!pkcs11.isEmpty()) {
                return SigningKey.fromPkcs11(Path.of(pkcs11), secret(variablePrefix + "PIN", prefix, properties),
                        alias.isEmpty() ? null : alias);
            }
            return null;
        } catch (Exception e) {
            throw new IllegalArgumentException("the signing key (" + prefix + "*) cannot be used: " + e.getMessage(), e);
        }
    }

    private static char[] secret(String variable, String prefix, Properties properties) throws IOException {
        String value = System.getenv(variable);
        if (value != null) {
            return value.toCharArray();
        }
        String file = properties.getProperty(prefix + "secret-file", "").strip();
        return file.isEmpty() ? new char[0]
                : Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().toCharArray();
    }
}
