package vn.lienthong.ops.alerts;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Alert notices by e-mail over SMTP. By default the connection must be upgraded with STARTTLS before anything is
 * sent, and the server's certificate must be valid for its host name: a server that does not offer STARTTLS gets
 * nothing. {@code tls} connects with TLS from the start (SMTPS); {@code none} sends in the clear and is allowed only
 * to a relay on this machine. The server's CA may be given as a PEM file; otherwise the JDK's trust store decides.
 */
final class MailChannel implements AlertChannel {

    /** How the connection to the mail server is secured ({@code lienthong.alerts.mail.security}). */
    enum Security {
        STARTTLS,
        TLS,
        NONE
    }

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    MailChannel(String host, int port, Security security, Path trustedCertificates, String username, String password,
                String from, List<String> to, Duration timeout) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        String millis = Long.toString(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        if (security == Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        } else if (security == Security.TLS) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (security != Security.NONE) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
            if (trustedCertificates != null) {
                properties.put("mail.smtp.ssl.socketFactory", trusting(trustedCertificates).getSocketFactory());
            }
        }
        Authenticator authenticator = null;
        if (username != null && !username.isEmpty()) {
            properties.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        this.from = new InternetAddress(from, true);
        this.to = new InternetAddress[to.size()];
        for (int i = 0; i < to.size(); i++) {
            this.to[i] = new InternetAddress(to.get(i), true);
        }
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void send(AlertNotice notice) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(notice.subject(), "UTF-8");
        message.setText(notice.text(), "UTF-8");
        Transport.send(message);
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
