#!/usr/bin/env bash
# What anchoring the transmission log costs: runs alternating anchoring off and anchoring far more often than the default.
# Usage: bench/run-anchoring-cost.sh [DOCUMENTS_EACH_WAY] [PAIRS] [INTERVAL] [EVERY]   (defaults 300 3 PT1S 200)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx1g -classpath %classpath vn.lienthong.bench.AnchoringCost ${1:-300} ${2:-3} ${3:-PT1S} ${4:-200}"
