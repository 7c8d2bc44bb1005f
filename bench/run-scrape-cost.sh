#!/usr/bin/env bash
# What GET /metrics costs on the management port over loopback, against a request the same server answers with no
# work (the demo's two connectors, after D documents each way). Usage: bench/run-scrape-cost.sh [REQUESTS] [D]
# (defaults 2000 and 20).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx512m -classpath %classpath vn.lienthong.bench.ScrapeCost ${1:-2000} ${2:-20}"
