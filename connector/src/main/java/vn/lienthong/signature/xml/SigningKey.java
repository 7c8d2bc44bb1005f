package vn.lienthong.signature.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The agency's signing key and its certificate chain (signer first), from a PKCS#12 file or a PKCS#11 token.
 *
 * @param provider the provider that holds the key: the configured SunPKCS11 instance for a token key, whose
 *                 private part never leaves the token; null for a software key (any installed provider signs)
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs at least its own certificate");
        }
    }

    public SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this(privateKey, chain, null);
    }

    /**
     * @param alias the key entry to use; null for the only key entry in the file
     */
    public static SigningKey fromPkcs12(Path file, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return fromStore(store, alias, password, null, "the PKCS#12 file " + file);
    }

    /**
     * A key on a PKCS#11 token (USB token, HSM) through the JDK's SunPKCS11 provider.
     *
     * @param sunPkcs11ConfigFile the provider's configuration: name, library, slot or slotListIndex
     * @param alias               the key's label on the token; null for the only key on it
     */
    public static SigningKey fromPkcs11(Path sunPkcs11ConfigFile, char[] pin, String alias)
            throws IOException, GeneralSecurityException {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyStoreException("this JDK has no SunPKCS11 provider");
        }
        Provider token = base.configure(sunPkcs11ConfigFile.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", token);
        store.load(null, pin);
        return fromStore(store, alias, null, token, "the PKCS#11 token configured in " + sunPkcs11ConfigFile);
    }

    /** The signer's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** A JCA signature engine for this key, from the key's own provider when it has one. */
    Signature newSignature(String jcaAlgorithm) throws GeneralSecurityException {
        return provider == null ? Signature.getInstance(jcaAlgorithm) : Signature.getInstance(jcaAlgorithm, provider);
    }

    /** Never the key material, only whose key it is. */
    @Override
    public String toString() {
        return "SigningKey[" + certificate().getSubjectX500Principal().getName() + ", " + privateKey.getAlgorithm() + "]";
    }

    private static SigningKey fromStore(KeyStore store, String alias, char[] keyPassword, Provider provider, String source)
            throws GeneralSecurityException {
        String chosen = alias != null ? alias : onlyKeyAlias(store, source);
        if (!store.isKeyEntry(chosen)) {
            throw new KeyStoreException(source + " has no key entry named " + chosen);
        }
        PrivateKey key = (PrivateKey) store.getKey(chosen, keyPassword);
        Certificate[] certificates = store.getCertificateChain(chosen);
        if (certificates == null || certificates.length == 0) {
            throw new KeyStoreException(source + " has no certificate for the key " + chosen);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            chain.add((X509Certificate) certificate);
        }
        return new SigningKey(key, chain, provider);
    }

    private static String onlyKeyAlias(KeyStore store, String source) throws KeyStoreException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new KeyStoreException(source + " holds " + keys.size() + " keys " + keys + "; name the one to use");
        }
        return keys.get(0);
    }
}
