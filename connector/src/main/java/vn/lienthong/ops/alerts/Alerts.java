package vn.lienthong.ops.alerts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import vn.lienthong.dms.WebhookTarget;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.tracking.AlertRecords;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Puts the alert engine together from {@code lienthong.alerts.*}: its rules and thresholds, and the channels that
 * are configured (a webhook, e-mail, or none: alerts are then recorded and logged only). A configuration that cannot
 * work stops the start with a message naming the key, in Vietnamese and English.
 */
public final class Alerts {

    /** What the rules watch. */
    public record Sources(DocumentTracker tracker, TransmissionLog log, AxisReachability reachability, Path dataDirectory,
                          Supplier<List<CertificateExpiry>> certificates) {
    }

    /** A setting that cannot work. */
    public static final class BadSetting extends IllegalArgumentException {
        BadSetting(String key, String vietnamese, String english) {
            super(key + ": " + vietnamese + " / " + english);
        }
    }

    private static final String PREFIX = "lienthong.alerts.";
    private static final String MAIL_PASSWORD_VARIABLE = "LIENTHONG_ALERTS_MAIL_PASSWORD";

    private Alerts() {
    }

    /** The engine, not started yet; empty when {@code lienthong.alerts.enabled} is false. */
    public static Optional<AlertEngine> engine(Properties properties, Map<String, String> environment, Sources sources,
                                               AlertRecords records, String source, Clock clock) throws Exception {
        if (!Boolean.parseBoolean(value(properties, "enabled", "true"))) {
            return Optional.empty();
        }
        List<AlertRule> rules = List.of(
                new DeadLetterRule(sources.tracker(), Long.parseLong(value(properties, "dead-letters.threshold", "0"))),
                new AxisUnreachableRule(sources.reachability(), millis(properties, "axis-unreachable-ms", "600000")),
                new SendFailureRule(sources.log(), millis(properties, "send-failures.window-ms", "900000"),
                        Double.parseDouble(value(properties, "send-failures.rate", "0.5")),
                        Long.parseLong(value(properties, "send-failures.min-attempts", "5"))),
                new CertificateExpiryRule(sources.certificates(), days(value(properties, "certificate-days", "60,30,7"))),
                new DiskSpaceRule(sources.dataDirectory(),
                        Double.parseDouble(value(properties, "disk.min-free-percent", "10"))));
        return Optional.of(new AlertEngine(rules, channels(properties, environment, clock), records, sources.log(),
                millis(properties, "resolve-after-ms", "300000"), source, clock));
    }

    /** How often the rules are checked. */
    public static Duration interval(Properties properties) {
        return millis(properties, "interval-ms", "30000");
    }

    private static List<AlertChannel> channels(Properties properties, Map<String, String> environment, Clock clock)
            throws Exception {
        List<AlertChannel> channels = new ArrayList<>();
        Duration timeout = millis(properties, "timeout-ms", "10000");
        String webhook = value(properties, "webhook.url", "");
        if (!webhook.isEmpty()) {
            channels.add(new WebhookChannel(webhookUrl(webhook), secret(properties), timeout, clock));
        }
        String host = value(properties, "mail.host", "");
        if (!host.isEmpty()) {
            MailChannel.Security security = security(value(properties, "mail.security", "starttls"), host);
            String trust = value(properties, "mail.trust-store", "");
            String passwordFile = value(properties, "mail.password-file", "");
            String password = !passwordFile.isEmpty()
                    ? Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip()
                    : environment.getOrDefault(MAIL_PASSWORD_VARIABLE, "");
            List<String> to = Arrays.stream(value(properties, "mail.to", "").split(","))
                    .map(String::strip).filter(address -> !address.isEmpty()).toList();
            if (to.isEmpty()) {
                throw new BadSetting(PREFIX + "mail.to", "cần ít nhất một địa chỉ nhận thư cảnh báo",
                        "at least one address to mail alerts to is needed");
            }
            channels.add(new MailChannel(host, Integer.parseInt(value(properties, "mail.port", "587")), security,
                    trust.isEmpty() ? null : Path.of(trust), value(properties, "mail.username", ""), password,
                    value(properties, "mail.from", "lienthong@localhost"), to, timeout));
        }
        return channels;
    }

    private static URI webhookUrl(String text) {
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new BadSetting(PREFIX + "webhook.url", "không phải một địa chỉ URL", "not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && WebhookTarget.isLoopback(url))) {
            throw new BadSetting(PREFIX + "webhook.url", "phải là https://, hoặc http:// tới chính máy này",
                    "must be https://, or http:// to this machine");
        }
        if (WebhookTarget.forbiddenAddress(url).isPresent()) {
            throw new BadSetting(PREFIX + "webhook.url", "trỏ tới một địa chỉ không được phép (link-local, multicast)",
                    "points to an address no webhook may reach (link-local, multicast)");
        }
        return url;
    }

    private static String secret(Properties properties) throws Exception {
        String file = value(properties, "webhook.secret-file", "");
        if (file.isEmpty()) {
            throw new BadSetting(PREFIX + "webhook.secret-file", "cần tệp khóa bí mật để ký thông báo cảnh báo",
                    "a secret file to sign alert notices with is needed");
        }
        String secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        if (secret.length() < 16) {
            throw new BadSetting(PREFIX + "webhook.secret-file", "khóa bí mật quá ngắn (tối thiểu 16 ký tự)",
                    "the secret is too short (16 characters at least)");
        }
        return secret;
    }

    private static MailChannel.Security security(String text, String host) {
        MailChannel.Security security;
        try {
            security = MailChannel.Security.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadSetting(PREFIX + "mail.security", "phải là starttls, tls hoặc none",
                    "must be starttls, tls or none");
        }
        if (security == MailChannel.Security.NONE && !WebhookTarget.isLoopback(URI.create("smtp://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)))) {
            throw new BadSetting(PREFIX + "mail.security", "chỉ được gửi thư không mã hóa tới máy chủ thư trên chính máy này",
                    "mail may go unencrypted only to a mail server on this machine");
        }
        return security;
    }

    private static List<Integer> days(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(day -> !day.isEmpty()).map(Integer::valueOf)
                .toList();
    }

    private static Duration millis(Properties properties, String key, String fallback) {
        return Duration.ofMillis(Long.parseLong(value(properties, key, fallback)));
    }

    private static String value(Properties properties, String key, String fallback) {
        String value = properties.getProperty(PREFIX + key, "").strip();
        return value.isEmpty() ? fallback : value;
    }
}
