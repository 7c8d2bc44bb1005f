package vn.lienthong.signature.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How certificates are checked for revocation.
 *
 * @param mode       ONLINE: CRL from the certificate's distribution point and OCSP from its AIA responder, over
 *                   HTTP, cached; OFFLINE: only the CRL files given (for agencies without Internet access);
 *                   OFF: not checked at all
 * @param onFailure  what an unknown status (responder down, no CRL, stale CRL) means: SOFT tolerates it (logged,
 *                   no reason added, the verdict is not lowered); HARD gives REVOCATION_UNKNOWN (INDETERMINATE)
 * @param crlFiles   the CRL files for OFFLINE mode, DER or PEM
 * @param cacheTtl   the longest a fetched CRL or OCSP answer is reused (never past its own nextUpdate), and a built
 *                   certificate path
 * @param timeout    for each HTTP request
 * @param preferOcsp ask OCSP first and fall back to the CRL (else the other way round)
 */
public record RevocationSettings(
        Mode mode, Failure onFailure, List<Path> crlFiles, Duration cacheTtl, Duration timeout, boolean preferOcsp) {

    public enum Mode { ONLINE, OFFLINE, OFF }

    public enum Failure { SOFT, HARD }

    private static final Duration DEFAULT_TTL = Duration.ofHours(1);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public RevocationSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(onFailure, "onFailure");
        crlFiles = crlFiles == null ? List.of() : List.copyOf(crlFiles);
        cacheTtl = cacheTtl == null ? DEFAULT_TTL : cacheTtl;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (cacheTtl.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cacheTtl must not be negative and timeout must be positive");
        }
    }

    public static RevocationSettings online(Failure onFailure) {
        return new RevocationSettings(Mode.ONLINE, onFailure, List.of(), DEFAULT_TTL, DEFAULT_TIMEOUT, true);
    }

    public static RevocationSettings offline(Failure onFailure, List<Path> crlFiles) {
        return new RevocationSettings(Mode.OFFLINE, onFailure, crlFiles, DEFAULT_TTL, DEFAULT_TIMEOUT, false);
    }

    public static RevocationSettings off() {
        return new RevocationSettings(Mode.OFF, Failure.SOFT, List.of(), DEFAULT_TTL, DEFAULT_TIMEOUT, false);
    }
}
