package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.testing.PrintedCurl;

/**
 * Issue 12's "done when", from the command line as a person does it: {@code demo} runs in its own JVM; the operator
 * follows the outage steps it prints (inject the outage, move a document into the outbox), sees the dead letter on
 * {@code /metrics} and in {@code dead-letters list}, ends the outage, retries it with the printed {@code --config},
 * and the document reaches the other agency exactly once.
 */
class DemoOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MOVE = Pattern.compile("^\\s*mv (\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final Pattern INBOX = Pattern.compile("hộp nhận / inbox: (\\S+)");
    private static final Pattern CONFIG = Pattern.compile("dead-letters list --config (\\S+)");

    @TempDir
    Path root;

    private DemoProcess demo;

    @AfterEach
    void stopTheDemo() throws InterruptedException {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void an_operator_follows_the_demos_outage_steps_sees_the_dead_letter_retries_it_and_it_arrives_once()
            throws Exception {
        List<Integer> ports = freePortPairs(3);
        int httpPort = ports.get(0);
        demo = DemoProcess.start(root.resolve("demo"), httpPort, ports.get(1), ports.get(2));
        await("the demo's sample documents travelled and the outage steps are printed")
                .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(demo::readyForPeople);
        assertThat(demo.process().isAlive()).as(demo.printed()).isTrue();
        String guide = demo.printed();
        assertThat(guide).contains("Mọi văn bản đã đến nơi").contains("Thử một sự cố / Try an outage")
                .contains("curl -s http://127.0.0.1:" + httpPort + "/metrics | grep dead")
                .contains("http://127.0.0.1:" + httpPort + "/console/");
        Path config = Path.of(firstMatch(CONFIG, guide));
        Path hanoiInbox = Path.of(matches(INBOX, guide).get(1));
        assertThat(deadLetters(httpPort)).as("no dead letter before the outage").isZero();

        // Step 1: the printed curl injects the outage.
        HttpResponse<String> injected = PrintedCurl.run(guide, "unavailableSeconds");
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(200);
        // Step 2: the printed mv puts a document into the government office's outbox.
        Matcher move = MOVE.matcher(guide);
        assertThat(move.find()).as(guide).isTrue();
        Path spare = Path.of(move.group(1));
        String documentId = "000.00.00.G22,2026/11/25," + spare.getFileName().toString().replaceAll("\\D", "") + "/G22-LT";
        Files.move(spare, Path.of(move.group(2)).resolve(spare.getFileName()));

        // Step 3: the dead letter shows on /metrics and in dead-letters list.
        await("the dead letter on /metrics").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters(httpPort) > 0);
        OperatorConsole.Output listed = OperatorConsole.run("dead-letters", "list", "--config", config.toString());
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("Thư chết / Dead letters: 1").contains("DLQ.lienthong.outbound ← lienthong.outbound");
        JsonNode letter = onlyDeadLetter(config);
        assertThat(letter.path("document").path("documentId").asText()).isEqualTo(documentId);
        assertThat(letter.path("attempts").asInt()).isEqualTo(5);
        assertThat(Traffic.deliveriesByDocumentId(hanoiInbox)).doesNotContainKey(documentId);

        // Step 4: the printed curl ends the outage; step 5: the printed retry, with the dead letter's key.
        assertThat(PrintedCurl.run(guide, "-X DELETE").statusCode()).isEqualTo(200);
        String key = letter.path("key").asText();
        OperatorConsole.Output retried = OperatorConsole.run("dead-letters", "retry", key, "--reason",
                "trục đã hoạt động lại", "--config", config.toString());
        assertThat(retried.exit()).as(retried.err()).isZero();

        await("the document in Hanoi's inbox").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Traffic.deliveriesByDocumentId(hanoiInbox).containsKey(documentId));
        await("no dead letter left on /metrics").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters(httpPort) == 0);
        assertThat(Traffic.deliveriesByDocumentId(hanoiInbox)).containsEntry(documentId, 1);
        assertThat(OperatorConsole.run("dead-letters", "list", "--config", config.toString()).out())
                .contains("Thư chết / Dead letters: 0");

        // What Ctrl-C or kill does (SIGTERM), keeping its output readable: Process.destroy() would close the pipe.
        assertThat(demo.stop()).isTrue();
        assertThat(demo.printed()).as("exit " + demo.process().exitValue()).contains("Đã dừng gọn gàng / Stopped cleanly.");
    }

    /** lienthong_dead_letters of the outbound address, as the printed "curl …/metrics | grep dead" shows it. */
    private double deadLetters(int httpPort) throws Exception {
        HttpResponse<String> metrics = PrintedCurl.run(demo.printed(), ":" + httpPort + "/metrics");
        OptionalDouble value = Scrape.parse(metrics.body()).value("lienthong_dead_letters", "address", "lienthong.outbound");
        assertThat(value).as("the dead-letter metric is served").isPresent();
        return value.getAsDouble();
    }

    private static JsonNode onlyDeadLetter(Path config) throws IOException {
        OperatorConsole.Output json = OperatorConsole.run("dead-letters", "list", "--json", "--config", config.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode letters = JSON.readTree(json.out()).path("deadLetters");
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private static String firstMatch(Pattern pattern, String text) {
        return matches(pattern, text).get(0);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertThat(found).as(pattern + " in:\n" + text).isNotEmpty();
        return found;
    }

    /** Pairs of consecutive free loopback ports, no two pairs sharing a port. */
    private static List<Integer> freePortPairs(int pairs) throws IOException {
        List<Integer> bases = new ArrayList<>();
        while (bases.size() < pairs) {
            int base = TestNetworks.twoFreePorts();
            if (bases.stream().noneMatch(other -> Math.abs(other - base) <= 1)) {
                bases.add(base);
            }
        }
        return bases;
    }
}
