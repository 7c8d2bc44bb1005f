package vn.lienthong.signature.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signers' certificates kept in a directory, for signatures whose KeyInfo names the certificate
 * (X509SubjectName, X509IssuerSerial) instead of carrying it. Every regular file is read as PEM or DER, one or
 * more certificates each; a file that is neither is skipped, since one bad file must not hide the others. Read at
 * each use, so that operators can add a certificate without a restart.
 */
final class CertificateDirectory {

    private final Path directory;

    CertificateDirectory(Path directory) {
        this.directory = directory;
    }

    List<X509Certificate> certificates() throws IOException {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                certificates.addAll(read(file));
            }
        }
        return certificates;
    }

    private static List<X509Certificate> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (CertificateException e) {
            return List.of();
        }
    }

    @Override
    public String toString() {
        return String.valueOf(directory);
    }
}
