package vn.lienthong.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.TlsPki;
import vn.lienthong.tracking.AlertRecords;

/** Alert e-mail to a real SMTP server on loopback (GreenMail), upgraded with STARTTLS or not sent at all. */
class MailChannelTest {

    private static final AlertNotice NOTICE = new AlertNotice(AlertNotice.Kind.RAISED, new AlertRecords.Alert(1,
            "axis-unreachable", "axis-unreachable", "CRITICAL", "Trục liên thông không trả lời từ 01:00.",
            "The axis has not answered since 01:00.", Instant.parse("2026-12-05T01:10:00Z"), null), "vpcp.demo");

    @TempDir
    Path root;

    private GreenMail smtp;
    private TlsPki pki;
    private StartTlsFront front;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        pki = TlsPki.generate(root.resolve("pki"));
        front = StartTlsFront.start(pki, smtp.getSmtp().getPort());
    }

    @AfterEach
    void stop() throws Exception {
        front.close();
        smtp.stop();
    }

    private MailChannel channel(int port, Path trusted) throws Exception {
        return new MailChannel("127.0.0.1", port, MailChannel.Security.STARTTLS, trusted, "", "",
                "lienthong@vpcp.test", List.of("truc-ban@vpcp.test", "ops@vpcp.test"), Duration.ofSeconds(10));
    }

    @Test
    void a_notice_goes_over_starttls_to_every_address_in_both_languages() throws Exception {
        channel(front.port(), pki.caPem()).send(NOTICE);

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(front.upgraded()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("[LienThong vpcp.demo] CẢNH BÁO / ALERT: axis-unreachable");
        assertThat(received[0].getContent().toString())
                .contains("Trục liên thông không trả lời từ 01:00.").contains("The axis has not answered since 01:00.");
    }

    @Test
    void a_server_that_does_not_offer_starttls_gets_nothing_in_the_clear() throws Exception {
        MailChannel plain = channel(smtp.getSmtp().getPort(), pki.caPem());

        assertThatThrownBy(() -> plain.send(NOTICE)).hasMessageContaining("STARTTLS");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_server_whose_certificate_is_not_trusted_gets_nothing() throws Exception {
        Path otherCa = TlsPki.generate(root.resolve("other-pki")).caPem();

        assertThatThrownBy(() -> channel(front.port(), otherCa).send(NOTICE)).isInstanceOf(Exception.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
