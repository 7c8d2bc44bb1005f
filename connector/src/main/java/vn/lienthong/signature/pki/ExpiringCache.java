package vn.lienthong.signature.pki;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A bounded, thread-safe Caffeine cache whose entries lapse at their own instant (a CRL's or an OCSP answer's
 * nextUpdate, the configured TTL, whichever comes first). Past {@code maximumSize} the least useful entries are
 * evicted. Time is the given clock's, so a test can move it; an entry read at or after its instant is never served,
 * even before Caffeine's own clean-up has removed it. Two threads missing the same key at once both fetch it; that
 * costs one extra request now and then, which is better than holding a lock across an HTTP call.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Cache<K, Entry<V>> entries;
    private final Clock clock;

    ExpiringCache(Clock clock, long maximumSize) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new LapsesAtItsInstant<K, V>(clock))
                .ticker(() -> clock.millis() * 1_000_000L)
                // Maintenance (eviction, removal of lapsed entries) on the calling thread: cheap, amortised, and
                // no surprise work on the common pool.
                .executor(Runnable::run)
                .build();
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.asMap().remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps {@code value} until {@code expires}; a value already lapsed is not kept at all. */
    void put(K key, V value, Instant expires) {
        if (clock.instant().isBefore(expires)) {
            entries.put(key, new Entry<>(value, expires));
        }
    }

    /** How many entries are held now, after pending evictions: for tests of the bound. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Each entry's lifetime runs from when it was written to its own instant; reads do not extend it. */
    private static final class LapsesAtItsInstant<K, V> implements Expiry<K, Entry<V>> {

        private final Clock clock;

        LapsesAtItsInstant(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long expireAfterCreate(K key, Entry<V> entry, long currentTime) {
            return nanosUntil(entry.expires());
        }

        @Override
        public long expireAfterUpdate(K key, Entry<V> entry, long currentTime, long currentDuration) {
            return nanosUntil(entry.expires());
        }

        @Override
        public long expireAfterRead(K key, Entry<V> entry, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long nanosUntil(Instant expires) {
            Duration left = Duration.between(clock.instant(), expires);
            if (left.isNegative()) {
                return 0;
            }
            // Duration.toNanos overflows past ~292 years; an entry that long-lived is as good as forever.
            return left.compareTo(Duration.ofDays(365L * 200)) > 0 ? Long.MAX_VALUE : left.toNanos();
        }
    }
}
