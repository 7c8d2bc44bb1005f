package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.lienthong.cli.Main;
import vn.lienthong.testing.PrintedCurl;

/**
 * {@code lienthong simulate-axis}: a banner with the endpoint, no secrets and the commands that inject an outage, then a
 * working axis until stopped.
 */
class SimulatorCommandLineTest {

    private static final Pattern ENDPOINT = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
    private static final String SECRET = "Y29tbWFuZC1saW5lLXNlY3JldC1mb3ItdGVzdHMtMDE=";

    @Test
    void simulate_axis_prints_a_banner_without_secrets_and_serves_calls_and_obeys_its_outage_commands_until_stopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread command = new Thread(() -> exitCode.set(Main.run(new String[] {
                "simulate-axis", "--port", "0", "--system", "vxp.cli=" + SECRET,
                "--agency", "000.00.00.G22=vxp.cli"}, new PrintWriter(out, true), new PrintWriter(err, true))));
        command.start();
        // The banner is printed line by line; it ends with how to stop.
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("Ctrl-C"));

        String banner = out.toString();
        Matcher endpoint = ENDPOINT.matcher(banner);
        assertThat(endpoint.find()).isTrue();
        SdkLikeClient client = new SdkLikeClient(URI.create(endpoint.group(1)), "vxp.cli", SECRET);
        assertThat(client.countReceivedEdocs().statusCode()).isEqualTo(200);
        assertThat(banner).contains("vxp.cli", "000.00.00.G22", "Ctrl-C").doesNotContain(SECRET);
        assertThat(banner).as("where the time-stamping authority and its certificate are")
                .contains(endpoint.group(1) + "/tsa", AxisSimulator.TSA_CERTIFICATE_FILE);

        assertThat(PrintedCurl.run(banner, "unavailableSeconds").statusCode())
                .as("the printed command injects an outage").isEqualTo(200);
        assertThat(client.countReceivedEdocs().statusCode()).isEqualTo(503);
        assertThat(PrintedCurl.run(banner, "-X DELETE").statusCode()).isEqualTo(200);
        assertThat(client.countReceivedEdocs().statusCode()).isEqualTo(200);

        command.interrupt();
        command.join(Duration.ofSeconds(10).toMillis());
        assertThat(command.isAlive()).isFalse();
        assertThat(exitCode.get()).as(err.toString()).isZero();
    }
}
