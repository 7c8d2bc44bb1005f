package vn.lienthong.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import vn.lienthong.transport.FilePermissions;

/**
 * The connector's own Artemis broker, started from config/broker.xml with its {@code ${lienthong.*}}
 * placeholders filled from the connector's configuration, its journal under the data directory, reachable only
 * in-VM ({@code vm://ID}). Several connectors in one JVM (the demo, tests) each get their own ID. Its folder and the
 * broker.xml written there are the connector's user's alone; the journal files Artemis makes under the umask inside
 * that folder are made so at start too.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String TEMPLATE = "/lienthong/config/broker.xml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(lienthong\\.[a-z0-9.-]+)}");

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int vmId;

    private EmbeddedBroker(int vmId) {
        this.vmId = vmId;
    }

    /** Starts a broker whose files live in {@code directory}. */
    public static EmbeddedBroker start(Path directory, int vmId, Properties settings) throws Exception {
        return start(directory, vmId, settings, null, configuration -> { });
    }

    /**
     * Starts a broker as above, with {@code security} (null: Artemis's default) deciding who may connect and do
     * what, and {@code adjust} changing the configuration read from broker.xml before the broker starts. The DMS
     * clients' acceptor uses both (vn.lienthong.dms.jms.DmsBrokerAccess): it exists only when configured.
     */
    public static EmbeddedBroker start(Path directory, int vmId, Properties settings, ActiveMQSecurityManager security,
                                       Consumer<Configuration> adjust) throws Exception {
        FilePermissions.ownerOnlyFolder(directory);
        Properties values = new Properties();
        values.putAll(settings);
        values.setProperty("lienthong.broker.directory", directory.toAbsolutePath().toString());
        values.setProperty("lienthong.broker.vm-id", Integer.toString(vmId));
        Path resolved = directory.resolve("broker.xml");
        Files.deleteIfExists(resolved);
        try (OutputStream out = FilePermissions.newOwnerOnlyFile(resolved)) {
            out.write(resolve(template(), values).getBytes(StandardCharsets.UTF_8));
        }
        EmbeddedBroker broker = new EmbeddedBroker(vmId);
        broker.server.setConfigResourcePath(resolved.toUri().toString());
        broker.server.setSecurityManager(security);
        broker.server.createActiveMQServer();
        adjust.accept(broker.server.getConfiguration());
        broker.server.start();
        DataDirectory.tighten(directory, java.util.List.of()); // the journal, bindings and paging files just made
        return broker;
    }

    /** The URL a JMS connection factory in this JVM uses to reach the broker. */
    public String url() {
        return "vm://" + vmId;
    }

    public boolean isActive() {
        return server.getActiveMQServer() != null && server.getActiveMQServer().isActive();
    }

    /**
     * Messages waiting on {@code queue} (for health, tests and the demo summary), every message already routed to it
     * included; -1 when the queue did not take in what was routed to it within 10 seconds. See
     * {@link #depth(String, Duration)}.
     */
    public long depth(String queue) {
        return depth(queue, Duration.ofSeconds(10));
    }

    /**
     * Messages waiting on {@code queue}, every message already routed to it included; -1 when the queue did not take
     * in what was routed to it within {@code wait}. A durable send returns once its message is stored and in the
     * queue's intake list, but the broker counts it only once the queue's executor has moved it from that list, a
     * moment later: a message just sent could be counted nowhere for that moment. So a marker goes through the intake
     * list behind everything already in it, and the queue is counted once the marker has passed. (Artemis's
     * {@code flushExecutor} is no such barrier: it returns at once when the executor has not yet started on a task
     * just given to it.)
     */
    long depth(String queue, Duration wait) {
        Queue binding = locate(queue);
        if (binding == null) {
            return 0;
        }
        CountDownLatch passed = new CountDownLatch(1);
        binding.flushOnIntermediate(passed::countDown);
        try {
            if (!passed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return binding.getMessageCount();
    }

    /** The broker's queue of that name, or null. */
    Queue locate(String queue) {
        return server.getActiveMQServer().locateQueue(queue);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static String template() throws IOException {
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String resolve(String template, Properties values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getProperty(matcher.group(1));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("broker.xml needs " + matcher.group(1) + ", which is not configured");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
