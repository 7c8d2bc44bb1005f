package vn.lienthong.dms.jms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.ClientsFile;
import vn.lienthong.dms.folder.ProcessIo;

/**
 * A JMS client's message is an envelope like any other, held to the envelope size limit: a message over it is
 * refused for its size, and the connector does not copy it on its way to being refused.
 */
class JmsSizeCapTest {

    private static final long SIZE_LIMIT = 1024 * 1024;
    private static final long MESSAGE_SIZE = 32 * SIZE_LIMIT;
    private static final DmsQueues QUEUES = new DmsQueues("h26-dms", "lienthong.dms.h26-dms.in",
            "lienthong.dms.h26-dms.out", "lienthong.dms.h26-dms.results");

    @TempDir
    Path root;

    @Test
    void a_message_over_the_size_limit_is_refused_for_its_size_without_being_copied() throws Exception {
        int port = ClientNetwork.freePort();
        Properties h26 = ClientNetwork.withClients(new ClientsFile().jms("h26-dms", ClientNetwork.H26.organId(), "lt_size-cap-key")
                .writeTo(root.resolve("h26-clients.json")));
        h26.setProperty("lienthong.broker.dms-acceptor", "tcp://127.0.0.1:" + port);
        h26.setProperty("lienthong.limits.max-envelope-bytes", Long.toString(SIZE_LIMIT));
        Path huge = root.resolve("huge.edxml");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(MESSAGE_SIZE);
        }
        try (ClientNetwork network = ClientNetwork.start(root, new Properties(), h26);
             DmsOnJms dms = new DmsOnJms(port, "h26-dms", "lt_size-cap-key")) {
            long writtenBefore = ProcessIo.bytesWritten();

            dms.send(QUEUES.in(), huge, "huge-1");

            JsonNode answer = dms.answer(QUEUES.results(), "huge-1");
            long written = ProcessIo.bytesWritten() - writtenBefore;
            // The client's own send and the broker's large-message file are one copy each; the connector adds none.
            assertThat(written).as("bytes written in this JVM while the message was sent and refused")
                    .isLessThan(2 * MESSAGE_SIZE + 8 * SIZE_LIMIT);
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("LIMIT_ENVELOPE_SIZE");
            try (var left = Files.list(network.connector(ClientNetwork.H26.organId()).settings().dataDirectory()
                    .resolve("dms-work"))) {
                assertThat(left).as("copies left behind").isEmpty();
            }
        }
    }
}
