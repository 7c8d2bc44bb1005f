package vn.lienthong.ops.alerts;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A configured certificate (signing key, TLS, trust anchors) within {@code lienthong.alerts.certificate-days} of its
 * end, or past it. Each stage is its own alert (60, 30, 7 days, expired), so each is announced once as the date
 * nears, and the previous stage resolves.
 */
final class CertificateExpiryRule implements AlertRule {

    private final Supplier<Map<String, X509Certificate>> certificates;
    private final List<Integer> stages;

    /** {@code stages} in days, any order; {@code certificates} by the name operators know them by. */
    CertificateExpiryRule(Supplier<Map<String, X509Certificate>> certificates, List<Integer> stages) {
        this.certificates = certificates;
        this.stages = stages.stream().sorted().toList();
    }

    @Override
    public String id() {
        return "certificate-expiry";
    }

    @Override
    public List<Breach> check(Instant now) {
        List<Breach> breaches = new ArrayList<>();
        certificates.get().forEach((name, certificate) -> {
            Instant end = certificate.getNotAfter().toInstant();
            String subject = certificate.getSubjectX500Principal().getName();
            if (!end.isAfter(now)) {
                breaches.add(new Breach(id() + ":" + name + ":expired", id(), Breach.Severity.CRITICAL,
                        "Chứng thư " + name + " (" + subject + ") đã hết hạn vào " + end + ".",
                        "The certificate " + name + " (" + subject + ") expired on " + end + "."));
                return;
            }
            long days = Duration.between(now, end).toDays();
            stages.stream().filter(stage -> days < stage).findFirst().ifPresent(stage -> breaches.add(new Breach(
                    id() + ":" + name + ":" + stage, id(), stage <= 7 ? Breach.Severity.CRITICAL : Breach.Severity.WARNING,
                    "Chứng thư " + name + " (" + subject + ") hết hạn sau " + days + " ngày, vào " + end + ".",
                    "The certificate " + name + " (" + subject + ") expires in " + days + " day(s), on " + end + ".")));
        });
        return breaches;
    }
}
