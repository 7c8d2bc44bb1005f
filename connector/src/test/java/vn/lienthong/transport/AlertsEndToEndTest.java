package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.dms.TlsPki;
import vn.lienthong.ops.alerts.StartTlsFront;

/**
 * Two connectors and the simulator; the axis goes down for a few seconds. Each connector raises one alert, by
 * e-mail over STARTTLS to a real SMTP server (GreenMail) and by signed webhook, and resolves it once when the axis is
 * back.
 */
class AlertsEndToEndTest {

    private static final String SECRET = "bi-mat-canh-bao-thu-nghiem";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private record Post(String timestamp, String signature, byte[] body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @Test
    void an_axis_outage_is_announced_once_by_mail_and_webhook_and_resolved_once() throws Exception {
        TlsPki pki = TlsPki.generate(root.resolve("pki"));
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        List<Post> posts = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posts.add(new Post(exchange.getRequestHeaders().getFirst("X-LienThong-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-LienThong-Signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path secretFile = Files.writeString(root.resolve("alert-secret"), SECRET + "\n");
        try (StartTlsFront front = StartTlsFront.start(pki, smtp.getSmtp().getPort())) {
            Properties properties = TestNetworks.fast();
            properties.setProperty("lienthong.alerts.interval-ms", "200");
            properties.setProperty("lienthong.alerts.axis-unreachable-ms", "1000");
            properties.setProperty("lienthong.alerts.resolve-after-ms", "1500");
            properties.setProperty("lienthong.alerts.disk.min-free-percent", "0");
            properties.setProperty("lienthong.alerts.mail.host", "127.0.0.1");
            properties.setProperty("lienthong.alerts.mail.port", Integer.toString(front.port()));
            properties.setProperty("lienthong.alerts.mail.trust-store", pki.caPem().toString());
            properties.setProperty("lienthong.alerts.mail.to", "truc-ban@vpcp.test");
            properties.setProperty("lienthong.alerts.webhook.url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts");
            properties.setProperty("lienthong.alerts.webhook.secret-file", secretFile.toString());
            try (DemoNetwork network = TestNetworks.start(root.resolve("network"), properties)) {
                network.simulator().outageNow(Duration.ofSeconds(4));

                await().atMost(Duration.ofSeconds(60)).until(() -> subjects(smtp).stream()
                        .filter(subject -> subject.contains("ĐÃ HẾT / RESOLVED")).count() == 2);

                List<String> subjects = subjects(smtp);
                for (String system : List.of("vpcp.test", "hanoi.test")) {
                    assertThat(subjects).containsOnlyOnce(
                            "[LienThong " + system + "] CẢNH BÁO / ALERT: axis-unreachable",
                            "[LienThong " + system + "] ĐÃ HẾT / RESOLVED: axis-unreachable");
                }
                assertThat(subjects).hasSize(4);
                assertThat(front.upgraded()).isEqualTo(4);

                await().atMost(Duration.ofSeconds(10)).until(() -> posts.size() == 4);
                for (Post post : posts) {
                    assertThat(post.signature()).isEqualTo(signature(post));
                    assertThat(post.json().path("key").asText()).isEqualTo("axis-unreachable");
                    assertThat(post.json().path("vi").asText()).startsWith("Trục liên thông không trả lời");
                }
                assertThat(posts.stream().map(post -> kindAndSource(post)).toList()).containsExactlyInAnyOrder(
                        "RAISED vpcp.test", "RESOLVED vpcp.test", "RAISED hanoi.test", "RESOLVED hanoi.test");
                assertThat(network.connector(TestNetworks.GOVERNMENT_OFFICE.organId()).transmissionLog().all(1, 10_000)
                        .stream().filter(event -> event.step().startsWith("alert-")).map(event -> event.step()))
                        .containsExactly("alert-raised", "alert-resolved");
            }
        } finally {
            receiver.stop(0);
            smtp.stop();
        }
    }

    private static List<String> subjects(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).map(message -> {
            try {
                return ((MimeMessage) message).getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String kindAndSource(Post post) {
        try {
            return post.json().path("kind").asText() + " " + post.json().path("source").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver recomputes: hex(HMAC-SHA256(secret, timestamp + "\n" + hex(SHA-256(body)))). */
    private static String signature(Post post) throws Exception {
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(post.body()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((post.timestamp() + "\n" + bodyHash).getBytes(StandardCharsets.UTF_8)));
    }
}
