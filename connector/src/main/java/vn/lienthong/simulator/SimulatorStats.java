package vn.lienthong.simulator;

/**
 * What the simulator has done since it started; tests assert on it instead of peeking at internal state.
 *
 * @param acceptedSends          sendEdoc calls whose package was delivered to its recipients' mailboxes
 * @param refusedSends           sendEdoc calls refused as a bad document (HTTP 400)
 * @param injectedErrors         calls answered 503 by fault injection
 * @param packagesFetched        getEdoc calls that streamed a package out completely
 * @param packagesAcknowledged   updateStatus(done) calls that took a package off a mailbox
 * @param dropped                sendEdoc calls answered OK and then lost on purpose (accept-then-drop)
 * @param authenticationFailures calls refused for a bad signature or a stale timestamp (HTTP 401)
 */
public record SimulatorStats(long acceptedSends, long refusedSends, long injectedErrors, long packagesFetched,
                             long packagesAcknowledged, long dropped, long authenticationFailures) {
}
