package vn.lienthong.dms.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The requests each client has in progress, at most {@code perClient} at once. The REST API runs on a fixed pool of
 * worker threads shared by every client: without this, one client's slow uploads could hold them all.
 */
final class ClientSlots {

    private final int perClient;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    ClientSlots(int perClient) {
        this.perClient = perClient;
    }

    /** Takes one of the client's slots, or says false at once when all are taken. */
    boolean tryTake(String clientId) {
        return slots.computeIfAbsent(clientId, id -> new Semaphore(perClient)).tryAcquire();
    }

    void give(String clientId) {
        slots.get(clientId).release();
    }

    int perClient() {
        return perClient;
    }
}
