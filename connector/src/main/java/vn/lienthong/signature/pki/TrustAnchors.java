package vn.lienthong.signature.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root CAs we trust (Vietnam's national root CA, the Government Cipher Committee's CA, …), read from the
 * files of one directory. Operators drop certificates in as they get them, in whatever form: a file that is not
 * a certificate is skipped with a warning rather than stopping the connector.
 */
public final class TrustAnchors {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);
    private static final List<String> CERTIFICATE_SUFFIXES = List.of(".pem", ".crt", ".cer", ".der");

    private final Set<X509Certificate> certificates;
    private final Set<TrustAnchor> anchors;

    private TrustAnchors(Collection<X509Certificate> certificates) {
        this.certificates = Set.copyOf(new LinkedHashSet<>(certificates));
        this.anchors = this.certificates.stream()
                .map(certificate -> new TrustAnchor(certificate, null))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every *.pem, *.crt, *.cer and *.der file of the directory (not its subdirectories), PEM or DER, one or more certificates each. */
    public static TrustAnchors load(Path directory) {
        List<X509Certificate> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(TrustAnchors::looksLikeCertificateFile).sorted().forEach(file -> found.addAll(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the trust store directory " + directory, e);
        }
        if (found.isEmpty()) {
            LOG.warn("No trust anchor in {}: no signature can be trusted", directory);
        }
        return new TrustAnchors(found);
    }

    /** For callers that already hold the certificates, e.g. from a key store. */
    public static TrustAnchors of(Collection<X509Certificate> certificates) {
        return new TrustAnchors(certificates);
    }

    public Set<TrustAnchor> anchors() {
        return anchors;
    }

    public int size() {
        return anchors.size();
    }

    boolean contains(X509Certificate certificate) {
        return certificates.contains(certificate);
    }

    private static boolean looksLikeCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && CERTIFICATE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            // generateCertificates reads both PEM (any number of blocks) and DER.
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .filter(X509Certificate.class::isInstance)
                    .map(X509Certificate.class::cast)
                    .collect(Collectors.toList());
            if (certificates.isEmpty()) {
                LOG.warn("Skipping {} in the trust store: it holds no certificate", file.getFileName());
            }
            certificates.forEach(c -> LOG.info("Trust anchor {} from {}", c.getSubjectX500Principal().getName(), file.getFileName()));
            return certificates;
        } catch (CertificateException | IOException e) {
            LOG.warn("Skipping {} in the trust store: not a readable X.509 certificate ({})", file.getFileName(), e.getMessage());
            return List.of();
        }
    }
}
