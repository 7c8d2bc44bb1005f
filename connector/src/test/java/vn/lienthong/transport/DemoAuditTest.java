package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "done when", as an auditor does it on the demo: {@code demo} runs in its own JVM and prints the audit
 * commands; the auditor exports today's log from the running connector, verifies it offline against the simulator's
 * TSA certificate, sees one edited byte named, takes a document's evidence bundle and checks it alone, and once the
 * demo is stopped verifies the whole data directory.
 */
class DemoAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUDIT = Pattern.compile("^\\s+\\S.* (audit (?:export|verify|evidence) .*)$",
            Pattern.MULTILINE);
    private static final Pattern DOCUMENTS = Pattern.compile("^\\s+\\S.* (documents list --config \\S+)$",
            Pattern.MULTILINE);

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
    void an_auditor_exports_a_day_verifies_it_offline_and_checks_a_documents_evidence() throws Exception {
        demo = DemoProcess.start(root.resolve("demo"), TestNetworks.twoFreePorts(), TestNetworks.twoFreePorts(),
                TestNetworks.twoFreePorts());
        await("the demo's sample documents travelled and the audit steps are printed")
                .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(demo::readyForPeople);
        assertThat(demo.process().isAlive()).as(demo.printed()).isTrue();
        List<String> commands = matches(AUDIT, demo.printed());
        assertThat(commands).as(demo.printed()).hasSize(4);

        // 1. Export today's log from the running connector, with the printed command.
        OperatorConsole.Output exported = OperatorConsole.run(words(commands.get(0)));
        assertThat(exported.exit()).as(exported.err()).isZero();
        Path export = Path.of(argumentAfter(commands.get(0), "-o"));
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.get(0)).contains("\"type\":\"header\"").contains("lienthong-audit/1");
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"trailer\"").doesNotContain("\"closingAnchor\":null");

        // 2. Verify it offline, the TSA pinned.
        OperatorConsole.Output verified = OperatorConsole.run(words(commands.get(1)));
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();

        // One byte edited: the entry is named.
        int edited = lines.size() / 2;
        while (!lines.get(edited).contains("\"type\":\"entry\"") || !lines.get(edited).contains("\"outcome\":\"ok\"")) {
            edited++;
        }
        long sequence = JSON.readTree(lines.get(edited)).path("sequence").asLong();
        List<String> changed = new ArrayList<>(lines);
        changed.set(edited, lines.get(edited).replaceFirst("\"outcome\":\"ok\"", "\"outcome\":\"oK\""));
        Path tampered = root.resolve("tampered.jsonl");
        Files.write(tampered, changed);
        OperatorConsole.Output refused = OperatorConsole.run("audit", "verify", tampered.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out() + refused.err()).contains("entry " + sequence);

        // 3. A received document's evidence bundle, checked alone.
        String documents = matches(DOCUMENTS, demo.printed()).get(0);
        List<String> list = new ArrayList<>(Arrays.asList(words(documents)));
        list.addAll(List.of("--json", "--direction", "INBOUND"));
        OperatorConsole.Output listed = OperatorConsole.run(list.toArray(String[]::new));
        assertThat(listed.exit()).as(listed.err()).isZero();
        JsonNode document = JSON.readTree(listed.out().lines().findFirst().orElseThrow());
        String key = document.path("key").asText();
        assertThat(key).isNotBlank();
        OperatorConsole.Output evidence = OperatorConsole.run(words(commands.get(2).replace("MÃ/KEY", key)));
        assertThat(evidence.exit()).as(evidence.err()).isZero();
        OperatorConsole.Output bundleChecked = OperatorConsole.run(words(commands.get(3)));
        assertThat(bundleChecked.exit()).as(bundleChecked.out() + bundleChecked.err()).isZero();

        // 4. Stopped, its data directory verifies offline, archives (none here) and all.
        assertThat(demo.stop()).isTrue();
        Path data = Path.of(argumentAfter(commands.get(0), "--config")).getParent();
        Path agencyData = Files.list(data).filter(Files::isDirectory)
                .filter(folder -> Files.exists(folder.resolve("ops-token"))).findFirst().orElseThrow();
        OperatorConsole.Output whole = OperatorConsole.run("audit", "verify", agencyData.toString());
        assertThat(whole.exit()).as(whole.out() + whole.err()).isZero();
    }

    /** The printed command's words after the program's invocation (the paths here need no shell quoting). */
    private static String[] words(String command) {
        return command.strip().split("\\s+");
    }

    private static String argumentAfter(String command, String option) {
        List<String> words = Arrays.asList(words(command));
        return words.get(words.indexOf(option) + 1);
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
}
