#!/usr/bin/env bash
# Documents per second through the demo setup (simulated axis + two connectors in one JVM, demo settings).
# Usage: bench/run-transport-throughput.sh [DOCUMENTS_EACH_WAY] [RUNS]   (defaults 500 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx1g -classpath %classpath vn.lienthong.bench.TransportThroughput ${1:-500} ${2:-3}"
