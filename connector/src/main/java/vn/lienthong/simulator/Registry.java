package vn.lienthong.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is on the simulated axis: the systems (fixed at start, each with its secret) and the agencies (OrganIds)
 * each system receives for, which systems may add and remove while the simulator runs.
 */
final class Registry {

    /** The answer to a registration or removal: done, or why not with the HTTP status to answer. */
    record Change(int httpStatus, String refusal, Agency agency) {

        static Change done(Agency agency) {
            return new Change(200, null, agency);
        }

        static Change refused(int httpStatus, String refusal) {
            return new Change(httpStatus, refusal, null);
        }

        boolean isDone() {
            return refusal == null;
        }
    }

    private final Map<String, String> secrets;
    private final Map<String, Agency> agenciesByCode = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    Registry(Map<String, String> secrets, Map<String, String> agencies) {
        this.secrets = Map.copyOf(secrets);
        agencies.forEach((organId, systemId) -> agenciesByCode.put(organId,
                new Agency(nextId.getAndIncrement(), 0, organId, organId, organId, "", systemId)));
    }

    Optional<String> secretOf(String systemId) {
        return Optional.ofNullable(secrets.get(systemId));
    }

    /** The system whose mailbox receives for {@code organId}: its registered system, or itself if it is a system. */
    Optional<String> systemReceivingFor(String organId) {
        Agency agency = agenciesByCode.get(organId);
        if (agency != null) {
            return Optional.of(agency.systemId());
        }
        return secrets.containsKey(organId) ? Optional.of(organId) : Optional.empty();
    }

    List<Agency> agencies() {
        return agenciesByCode.values().stream().sorted(Comparator.comparingLong(Agency::id)).toList();
    }

    /** Adds or updates an agency for {@code systemId}; an agency another system receives for is not taken over. */
    synchronized Change register(String systemId, long pid, String code, String code102, String name, String mail) {
        Agency existing = agenciesByCode.get(code);
        if (existing != null && !existing.systemId().equals(systemId)) {
            return Change.refused(400, "agency " + code + " is registered to another system");
        }
        long id = existing != null ? existing.id() : nextId.getAndIncrement();
        Agency agency = new Agency(id, pid, code, code102, name, mail, systemId);
        agenciesByCode.put(code, agency);
        return Change.done(agency);
    }

    synchronized Change delete(String systemId, String code) {
        Agency existing = agenciesByCode.get(code);
        if (existing == null) {
            return Change.refused(404, "no agency " + code + " is registered");
        }
        if (!existing.systemId().equals(systemId)) {
            return Change.refused(400, "agency " + code + " is registered to another system");
        }
        agenciesByCode.remove(code);
        return Change.done(existing);
    }
}
