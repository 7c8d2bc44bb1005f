package vn.lienthong.dms.rest;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.edxml.Organization;
import vn.lienthong.transport.TestNetworks;

/**
 * Two agencies on a simulated axis, each connector serving the REST API on a free loopback port, and two pulling
 * DMS clients: vpcp-dms bound to the Government Office (G22), hanoi-dms bound to Hanoi (H26). Each DMS talks to its
 * own agency's connector; both connectors know both clients, so a client can try its luck at the other's.
 */
final class RestNetwork implements AutoCloseable {

    static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");

    final String officeKey = ApiKeys.newKey();
    final String hanoiKey = ApiKeys.newKey();
    private final DemoNetwork network;
    private final DemoDocuments documents;
    private final Path root;
    private final int officePort;

    RestNetwork(Path root) throws Exception {
        this(root, new Properties());
    }

    /** {@code overrides} change the test defaults below, e.g. limits. */
    RestNetwork(Path root, Properties overrides) throws Exception {
        this.root = root;
        Path clients = Files.writeString(root.resolve("clients.json"), """
                {"clients": [
                  {"id": "vpcp-dms", "name": "DMS Văn phòng Chính phủ", "organIds": ["000.00.00.G22"],
                   "apiKeySha256": "%s", "delivery": {"mode": "pull"}},
                  {"id": "hanoi-dms", "name": "DMS UBND Hà Nội", "organIds": ["000.00.00.H26"],
                   "apiKeySha256": "%s", "delivery": {"mode": "pull"}}
                ]}""".formatted(ApiKeys.sha256(officeKey), ApiKeys.sha256(hanoiKey)), StandardCharsets.UTF_8);
        officePort = twoFreePorts();
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.soap.enabled", "false");
        properties.setProperty("lienthong.api.enabled", "true");
        properties.setProperty("lienthong.api.port", Integer.toString(officePort));
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        properties.putAll(overrides);
        network = DemoNetwork.start(root, List.of(new DemoNetwork.Agency(OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(HANOI, "hanoi.test")), properties);
        documents = new DemoDocuments(root.resolve("work"));
    }

    /** vpcp-dms at the Government Office's connector. */
    ApiClient office() {
        return ApiClient.of(officePort, officeKey);
    }

    /** hanoi-dms at Hanoi's connector (the second connector serves on the next port). */
    ApiClient hanoi() {
        return ApiClient.of(officePort + 1, hanoiKey);
    }

    /** Hanoi's connector itself, to read what its tracking holds. */
    ConnectorRuntime hanoiConnector() {
        return network.connector(HANOI.organId());
    }

    /** vpcp-dms at Hanoi's connector: where a client acts on what is not its agency's. */
    ApiClient officeAtHanoi() {
        return ApiClient.of(officePort + 1, officeKey);
    }

    /** hanoi-dms at the Government Office's connector. */
    ApiClient hanoiAtOffice() {
        return ApiClient.of(officePort, hanoiKey);
    }

    /** A valid official document numbered {@code number}, with a one-page PDF. */
    Path envelope(Organization from, Organization to, int number) throws IOException {
        return documents.writeEdoc(root.resolve("cv-" + number + ".edxml"), from, List.of(to), number,
                "Về việc kiểm thử giao diện REST số " + number).file();
    }

    DemoDocuments documents() {
        return documents;
    }

    Path root() {
        return root;
    }

    /** Waits until a document with {@code documentId} is in {@code client}'s inbox; returns its key there. */
    static String awaitInInbox(ApiClient client, String documentId) {
        String[] key = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode waiting : ApiClient.json(client.get("/inbox"))) {
                if (documentId.equals(waiting.path("documentId").asText())) {
                    key[0] = waiting.path("key").asText();
                    return true;
                }
            }
            return false;
        });
        return key[0];
    }

    /** A free port whose successor is free too (connector i serves on lienthong.api.port + i). */
    static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 ServerSocket second = new ServerSocket(first.getLocalPort() + 1, 1, InetAddress.getLoopbackAddress())) {
                return first.getLocalPort();
            } catch (IOException taken) {
                // the next port is in use: try another pair
            }
        }
        throw new IOException("no two consecutive free loopback ports");
    }

    @Override
    public void close() {
        network.close();
    }
}
