package vn.lienthong.ops.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.lienthong.findings.Direction;

/**
 * What the connector measured at its latest refresh: documents per direction and state, its queues (empty and
 * {@code queuesKnown} false when the broker could not be asked), and the disk. /metrics and the ready checks read it,
 * so neither waits for the database, the broker or a directory walk.
 */
public record Readings(Instant at, Map<Direction, Map<String, Long>> documents, List<QueueStats.Queue> queues,
                       boolean queuesKnown, DiskUse disk) {

    public static final Readings NONE = new Readings(Instant.EPOCH, Map.of(), List.of(), false, DiskUse.UNKNOWN);

    public Readings {
        documents = Map.copyOf(documents);
        queues = List.copyOf(queues);
    }

    /** Messages in every dead-letter queue together. */
    public long deadLetters() {
        return queues.stream().filter(QueueStats.Queue::deadLetter).mapToLong(QueueStats.Queue::messages).sum();
    }
}
