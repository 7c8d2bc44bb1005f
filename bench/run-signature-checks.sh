#!/usr/bin/env bash
# Signature checks per second for a 1 MB envelope carrying one signed 700 KB PDF (signer + seal), one thread.
# Usage: bench/run-signature-checks.sh [SECONDS_PER_RUN]   (default 20; three runs after a warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx512m -classpath %classpath vn.lienthong.bench.SignatureCheckThroughput ${1:-20}"
