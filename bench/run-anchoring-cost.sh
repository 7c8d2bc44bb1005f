#!/usr/bin/env bash
# What anchoring the transmission log costs: runs alternating anchoring off and anchoring every 200 entries or 1 s.
# Usage: bench/run-anchoring-cost.sh [DOCUMENTS_EACH_WAY] [PAIRS]   (defaults 300 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx1g -classpath %classpath vn.lienthong.bench.AnchoringCost ${1:-300} ${2:-3}"
