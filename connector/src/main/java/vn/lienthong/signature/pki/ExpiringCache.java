package vn.lienthong.signature.pki;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A thread-safe map whose entries lapse at their own instant. Two threads missing the same key at once both fetch
 * it; that costs one extra request now and then, which is better than holding a lock across an HTTP call.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpiringCache(Clock clock) {
        this.clock = clock;
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(K key, V value, Instant expires) {
        if (clock.instant().isBefore(expires)) {
            entries.put(key, new Entry<>(value, expires));
        }
    }
}
