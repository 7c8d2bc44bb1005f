#!/usr/bin/env bash
# How outbox intake scales with the intake queue's consumers: N signed100k envelopes moved into the outbox at once,
# timed until all are SENT to the simulated axis; each round runs every consumer count in turn (0 = the default,
# one per processor).
# Usage: bench/run-outbox-intake-scaling.sh [N] [ROUNDS] [CONSUMERS...]   (defaults 300, 3, "1 0")
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-300}
rounds=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
consumers=${*:-1 0}
mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx1g -classpath %classpath vn.lienthong.bench.OutboxIntakeScaling $documents $rounds $consumers"
