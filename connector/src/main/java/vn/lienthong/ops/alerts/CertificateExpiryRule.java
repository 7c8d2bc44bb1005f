package vn.lienthong.ops.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.lienthong.ops.metrics.CertificateExpiry;

/**
 * A configured certificate (signing key, TLS, trust anchors: those the metrics watch) within
 * {@code lienthong.alerts.certificate-days} of its end, or past it. Each stage is its own alert (60, 30, 7 days,
 * expired), so each is announced once as the date nears, and the previous stage resolves.
 */
final class CertificateExpiryRule implements AlertRule {

    private final Supplier<List<CertificateExpiry>> certificates;
    private final List<Integer> stages;

    /** {@code stages} in days, any order. */
    CertificateExpiryRule(Supplier<List<CertificateExpiry>> certificates, List<Integer> stages) {
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
        for (CertificateExpiry certificate : certificates.get()) {
            String name = certificate.purpose() + " " + certificate.subject();
            String key = id() + ":" + certificate.purpose() + ":" + certificate.subject() + ":";
            Instant end = certificate.notAfter();
            if (certificate.expired(now)) {
                breaches.add(new Breach(key + "expired", id(), Breach.Severity.CRITICAL,
                        "Chứng thư " + name + " đã hết hạn vào " + end + ".",
                        "The certificate " + name + " expired on " + end + "."));
                continue;
            }
            long days = Duration.between(now, end).toDays();
            stages.stream().filter(stage -> days < stage).findFirst().ifPresent(stage -> breaches.add(new Breach(
                    key + stage, id(), stage <= 7 ? Breach.Severity.CRITICAL : Breach.Severity.WARNING,
                    "Chứng thư " + name + " hết hạn sau " + days + " ngày, vào " + end + ".",
                    "The certificate " + name + " expires in " + days + " day(s), on " + end + ".")));
        }
        return breaches;
    }
}
