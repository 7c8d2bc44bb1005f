#!/usr/bin/env bash
# End to end under load: the axis simulator and two connectors, each in its own JVM on loopback; SENDERS threads POST
# DOCUMENTS signed envelopes by REST to the first connector and the harness takes them from the recipient's pull inbox.
# The first 20% warm up; the rest are measured: documents/s and p50/p95/p99 of accept (202), SENT and inbox arrival,
# CPU ms per document, JIT share and peak RSS of each process. One summary line; the JSON result goes to
# bench/target/load/. Bounded: exits non-zero when documents do not arrive in time; the child JVMs always stop.
# Usage: bench/run-load.sh [DOCUMENTS] [SENDERS] [MIX]   (defaults 500 4 signed100k; MIX signed100k or xroad)
# LOAD_JVM="-Xmx1g ..." sets the child JVMs' options (default -Xmx1g); SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx2g -classpath %classpath vn.lienthong.bench.LoadHarness \
${1:-500} ${2:-4} ${3:-signed100k} $PWD/connector/target/lienthong.jar $PWD/bench/target/load"
