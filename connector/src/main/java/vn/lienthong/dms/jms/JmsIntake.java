package vn.lienthong.dms.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.GatewayCode;
import vn.lienthong.dms.Outcome;
import vn.lienthong.transport.FolderEntry;

/**
 * Takes an envelope a JMS client put on its {@code .in} queue to the gateway, as that client (so its binding to
 * agencies applies), and makes the answer for its {@code .results} queue. The client is known from the queue,
 * which the broker lets only that client send to.
 * <p>
 * Send the envelope as a BytesMessage: Artemis streams a large one (over 100 KiB by default) to a file here,
 * chunk by chunk, so even a document of hundreds of MB never sits whole in the heap. A TextMessage is accepted
 * too (its text, as UTF-8) for small envelopes. Anything else is answered REFUSED.
 * <p>
 * A message is held to the envelope size limit before it is copied: one whose size the broker declares over the
 * limit is refused unread (LIMIT_ENVELOPE_SIZE), and the copy of any other stops at the limit.
 */
public final class JmsIntake {

    /** Artemis writes a message's whole body, large or not, to an OutputStream set under this name. */
    static final String SAVE_STREAM = "JMS_AMQ_SaveStream";
    /** The size of a large message's body, which the broker knows before the client reads a byte of it. */
    static final String LARGE_BODY_SIZE = "_AMQ_LARGE_SIZE";
    private static final Logger LOG = LoggerFactory.getLogger(JmsIntake.class);

    private final ClientRegistry clients;
    private final DmsGateway gateway;
    private final Path workDirectory;
    private final long maxEnvelopeBytes;

    public JmsIntake(ClientRegistry clients, DmsGateway gateway, Path workDirectory, long maxEnvelopeBytes) throws IOException {
        this.clients = clients;
        this.gateway = gateway;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.workDirectory = Files.createDirectories(workDirectory);
        removeLeftovers(this.workDirectory);
    }

    /** Bodies being saved when the process died; their messages were not acknowledged and will come again. */
    private static void removeLeftovers(Path workDirectory) throws IOException {
        try (var leftovers = Files.newDirectoryStream(workDirectory, "jms-*.edxml")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    public JmsAnswer accept(String clientId, Message message) throws Exception {
        DmsClient client = clients.byId(clientId)
                .orElseThrow(() -> new IllegalStateException("no DMS client " + clientId + " for its own queue"));
        String correlationId = message.getJMSCorrelationID() != null ? message.getJMSCorrelationID() : message.getJMSMessageID();
        String name = "JMS message " + correlationId;
        Outcome outcome;
        if (declaredSize(message) > maxEnvelopeBytes) {
            outcome = tooLarge(client, name);
        } else if (message instanceof BytesMessage bytes) {
            outcome = submitStreamed(client, bytes, name);
        } else if (message instanceof TextMessage text && text.getText() != null) {
            byte[] envelope = text.getText().getBytes(StandardCharsets.UTF_8);
            outcome = submit(client, new ByteArrayInputStream(envelope), name);
        } else {
            outcome = Outcome.refused(List.of(DmsError.of(GatewayCode.INVALID_REQUEST,
                    "BytesMessage / TextMessage ≠ " + message.getClass().getSimpleName())));
        }
        LOG.info("JMS client {}: message {} {}{}", client.id(), correlationId, outcome.status(),
                outcome.key() == null ? "" : " as " + outcome.key());
        return JmsAnswer.of(correlationId, outcome);
    }

    /** The body size the broker declares for a large message; 0 for one that is not large (it is small). */
    private static long declaredSize(Message message) throws JMSException {
        return message.propertyExists(LARGE_BODY_SIZE) ? message.getLongProperty(LARGE_BODY_SIZE) : 0;
    }

    private Outcome tooLarge(DmsClient client, String name) throws Exception {
        return gateway.refuseUnread(client, name, FolderEntry.tooLarge(maxEnvelopeBytes), "jms");
    }

    private Outcome submitStreamed(DmsClient client, BytesMessage message, String name) throws Exception {
        Path received = Files.createTempFile(workDirectory, "jms-", ".edxml");
        try {
            CappedOutputStream out = new CappedOutputStream(Files.newOutputStream(received), maxEnvelopeBytes);
            try (out) {
                saveBody(message, out);
            } catch (JMSException | IOException e) {
                if (out.exceeded) {
                    return tooLarge(client, name);
                }
                throw e;
            }
            try (InputStream envelope = Files.newInputStream(received)) {
                return submit(client, envelope, name);
            }
        } finally {
            Files.deleteIfExists(received);
        }
    }

    /**
     * The gateway's answer; a failure nobody foresaw is answered once with INTERNAL_ERROR and the message is
     * acknowledged. Redelivered, it would fail the same way for as long as the broker retries (hours), with no word
     * to the client. A failure to read the message from the broker is not caught: the broker redelivers that.
     */
    private Outcome submit(DmsClient client, InputStream envelope, String name) {
        try {
            return gateway.submitEnvelope(client, envelope, name, "jms");
        } catch (Exception e) {
            LOG.error("JMS client {}: taking {} failed unexpectedly; answered INTERNAL_ERROR, not redelivered", client.id(),
                    name, e);
            return Outcome.refused(List.of(DmsError.internal()));
        }
    }

    /** Stops a copy at {@code limit} bytes, whatever the message said about its size. */
    private static final class CappedOutputStream extends FilterOutputStream {

        private final long limit;
        private long written;
        private boolean exceeded;

        CappedOutputStream(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            out.write(bytes, offset, length);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written > limit) {
                exceeded = true;
                throw new IOException("more than " + limit + " bytes");
            }
        }
    }

    /** Blocks until the whole body is written; Artemis reads a large message from the broker as it goes. */
    static void saveBody(BytesMessage message, OutputStream out) throws JMSException {
        message.setObjectProperty(SAVE_STREAM, out);
    }
}
