package vn.lienthong.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake queue's consumers (routes/outbound.camel.yaml, lienthong.intake.consumers of them): each checks one
 * outbox file that the outbox's one thread only filed ({@link OutboundIntake#fileFromOutbox}), so validation,
 * signature checks and signing use every core.
 * <p>
 * Nothing is lost and nothing goes out twice, whatever moment a crash picks. The filed item is discarded only once
 * its outcome is durable: registered and its key on the outbound (or status-out) queue, or parked in the error folder.
 * The key is put there on a session of its own, durable at once, as the outbox thread did before there was an
 * intake queue: it does not wait for the intake message's commit, so no crash can leave the item discarded and
 * its key rolled back. An intake message that comes again (redelivered after a crash, or queued twice because the
 * outbox file was taken again before it was removed) finds its item discarded and stops, or finds it still filed and
 * is checked again, when registration by key recognises what was registered (a key registered but not yet queued is
 * queued; one queued already is a duplicate). Two messages of one item are never checked at the same time.
 */
public final class OutboxIntakeQueue {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxIntakeQueue.class);
    private static final int STRIPES = 64;

    private final OutboundIntake intake;
    private final DocumentStore store;
    private final OutboundQuarantine.SendQueue queue;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    /** {@code queue} puts a key on the outbound or status-out queue durably when it returns, then marks it QUEUED. */
    public OutboxIntakeQueue(OutboundIntake intake, DocumentStore store, OutboundQuarantine.SendQueue queue) {
        this.intake = intake;
        this.store = store;
        this.queue = queue;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Checks the filed item {@code id}, handed over as {@code name}, and queues its key if it may go out. */
    public void check(String id, String name) throws Exception {
        ReentrantLock lock = stripes[Math.floorMod(id.hashCode(), STRIPES)];
        lock.lock();
        try {
            Path filed = store.intakeFile(id);
            if (!Files.exists(filed)) {
                LOG.debug("Intake item {} was checked already", id);
                return;
            }
            IntakeResult result = intake.acceptFiled(id, name == null ? "intake-" + id + ".edxml" : name);
            if (result.queued()) {
                queue.enqueue(result.key(), result.decision() == IntakeResult.Decision.QUEUE_STATUS);
            }
            store.discard(filed);
        } finally {
            lock.unlock();
        }
    }
}
