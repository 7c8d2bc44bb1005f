package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentState;

/**
 * A client that pulls is answered a page of its inbox at a time (lienthong.api.inbox-page-size, 2 here): the oldest
 * waiting documents; once it acknowledges them, the next answer holds the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestInboxPageTest {

    private static final int PAGE = 2;

    private RestNetwork network;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("lienthong.api.inbox-page-size", Integer.toString(PAGE));
        network = new RestNetwork(root, overrides);
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void an_inbox_answer_holds_one_page_and_the_rest_follows_once_the_client_acknowledges() throws Exception {
        for (int number = 1; number <= PAGE + 1; number++) {
            var answer = network.office().postEnvelope(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, number));
            assertThat(answer.statusCode()).isEqualTo(202);
        }
        // All of them wait in the inbox at once: a received document is DELIVERED in the commit that puts it there.
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered() == PAGE + 1);

        List<String> firstPage = inbox();
        assertThat(firstPage).hasSize(PAGE);
        for (String key : firstPage) {
            assertThat(network.hanoi().post("/inbox/" + key + "/ack").statusCode()).isEqualTo(200);
        }
        List<String> secondPage = inbox();
        assertThat(secondPage).hasSize(1).doesNotContainAnyElementsOf(firstPage);
        assertThat(network.hanoi().post("/inbox/" + secondPage.get(0) + "/ack").statusCode()).isEqualTo(200);
        assertThat(inbox()).isEmpty();
    }

    private List<String> inbox() throws Exception {
        List<String> keys = ApiClient.json(network.hanoi().get("/inbox")).findValuesAsText("key");
        assertThat(keys.size()).as("never more than a page").isLessThanOrEqualTo(PAGE);
        return keys;
    }

    /** How many received documents Hanoi's connector holds as DELIVERED. */
    private long delivered() {
        return network.hanoiConnector().tracker().countByState(Direction.INBOUND).get(DocumentState.DELIVERED);
    }
}
