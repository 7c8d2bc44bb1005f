package vn.lienthong.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** The running tallies behind {@link SimulatorStats}; lock-free because every call thread bumps them. */
final class Counters {

    final AtomicLong acceptedSends = new AtomicLong();
    final AtomicLong refusedSends = new AtomicLong();
    final AtomicLong injectedErrors = new AtomicLong();
    final AtomicLong packagesFetched = new AtomicLong();
    final AtomicLong packagesAcknowledged = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong authenticationFailures = new AtomicLong();

    SimulatorStats snapshot() {
        return new SimulatorStats(acceptedSends.get(), refusedSends.get(), injectedErrors.get(), packagesFetched.get(),
                packagesAcknowledged.get(), dropped.get(), authenticationFailures.get());
    }
}
