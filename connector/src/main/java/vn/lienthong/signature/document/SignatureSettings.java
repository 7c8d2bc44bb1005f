package vn.lienthong.signature.document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import vn.lienthong.signature.SignaturePolicy;
import vn.lienthong.signature.pdf.PdfIntegrityPolicy;
import vn.lienthong.signature.pki.RevocationSettings;

/**
 * The signature settings bound from {@code lienthong.signature.*} (documented in config/application.properties).
 *
 * @param trustStore               directory of trust anchors (PEM or DER); null for none at all (an auditor's
 *                                 verify without configuration), where trust is never established
 * @param signerCertificates       directory of signer certificates for KeyInfo with only X509SubjectName; may be null
 * @param allowSha1                whether rsa-sha1/sha1 envelope signatures are accepted (flagged as legacy)
 * @param pdfIntegrity             what may follow a PDF signature (lienthong.signature.pdf.*)
 */
public record SignatureSettings(
        Path trustStore,
        Path signerCertificates,
        boolean allowSha1,
        RevocationSettings revocation,
        SignaturePolicy policy,
        PdfIntegrityPolicy pdfIntegrity) {

    public static SignatureSettings from(Properties properties, Path dataDirectory) {
        String trustStore = properties.getProperty("lienthong.signature.trust-store", "").strip();
        String signerCertificates = properties.getProperty("lienthong.signature.signer-certificates", "").strip();
        return new SignatureSettings(
                trustStore.isEmpty() ? dataDirectory.resolve("trust-store") : Path.of(trustStore),
                signerCertificates.isEmpty() ? null : Path.of(signerCertificates),
                Boolean.parseBoolean(properties.getProperty("lienthong.signature.allow-sha1", "true").strip()),
                revocation(properties),
                SignaturePolicy.fromProperties(properties),
                PdfIntegrityPolicy.from(properties));
    }

    private static RevocationSettings revocation(Properties properties) {
        RevocationSettings.Mode mode = choice(properties, "lienthong.signature.revocation.mode", RevocationSettings.Mode.class);
        RevocationSettings.Failure failure = choice(properties, "lienthong.signature.revocation.failure",
                RevocationSettings.Failure.class);
        List<Path> crlFiles = Arrays.stream(properties.getProperty("lienthong.signature.revocation.crl-files", "").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).map(Path::of).toList();
        return new RevocationSettings(mode, failure, crlFiles,
                Duration.ofMillis(Long.parseLong(properties.getProperty("lienthong.signature.revocation.cache-ttl-ms", "3600000").strip())),
                Duration.ofMillis(Long.parseLong(properties.getProperty("lienthong.signature.revocation.timeout-ms", "10000").strip())),
                true);
    }

    private static <E extends Enum<E>> E choice(Properties properties, String key, Class<E> type) {
        String value = properties.getProperty(key, "").strip();
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", not '" + value + "'");
        }
    }

    /** The same settings with an auditor's own trust anchors and offline CRLs (the verify command's options). */
    public SignatureSettings withTrustStore(Path directory) {
        return new SignatureSettings(directory, signerCertificates, allowSha1, revocation, policy, pdfIntegrity);
    }

    public SignatureSettings withOfflineCrls(List<Path> crls) {
        return new SignatureSettings(trustStore, signerCertificates, allowSha1,
                new RevocationSettings(RevocationSettings.Mode.OFFLINE, revocation.onFailure(), crls,
                        revocation.cacheTtl(), revocation.timeout(), revocation.preferOcsp()), policy, pdfIntegrity);
    }
}
