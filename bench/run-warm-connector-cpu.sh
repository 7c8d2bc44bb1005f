#!/usr/bin/env bash
# CPU per document of warm connectors and the JIT compiler's share, batch after batch in one demo network.
# Usage: [BENCH_JVM_OPTIONS="-XX:TieredStopAtLevel=1"] bench/run-warm-connector-cpu.sh [DOCUMENTS_EACH_WAY_PER_BATCH] [BATCHES]
#   (defaults 300 and 6). BENCH_JVM_OPTIONS compares JIT settings with the same documents.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
batches=$(for _ in $(seq "${2:-6}"); do printf '%s ' "${1:-300}"; done)
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx1g ${BENCH_JVM_OPTIONS:-} -classpath %classpath vn.lienthong.bench.WarmConnectorCpu ${batches}"
