#!/usr/bin/env bash
# End to end under load: the axis simulator and two connectors, each in its own JVM on loopback; SENDERS threads POST
# DOCUMENTS signed envelopes by REST to the first connector and the harness takes them from the recipient's pull inbox.
# The first 20% warm up; the rest are measured: documents/s and p50/p95/p99 of accept (202), SENT and inbox arrival,
# CPU ms per document, JIT share and peak RSS of each process, and each connector's tracking database file size
# (in the JSON only). One summary line; the JSON result goes to
# bench/target/load/. Bounded: exits non-zero when documents do not arrive in time; the child JVMs always stop.
# sent_to_inbox is split at the recipient connector's own times into sent_to_registered (axis, inbox poll, fetch,
# queue, intake), registered_to_deliverable and deliverable_to_inbox, the harness reader's own share (it lists the
# pull inbox every 50 ms while it is empty, and acknowledges what it saw before it lists again).
# Usage: bench/run-load.sh [DOCUMENTS] [SENDERS] [MIX] [RATE]   (defaults 500 4 signed100k 0; MIX signed100k or xroad)
# RATE: documents/s the senders together post at most (the n-th POST starts no earlier than n/RATE s after the first),
# e.g. half of a full run's end-to-end documents/s for the latency target at half load; 0 = as fast as the senders
# go; at most 10000.
# The children start through bin/lienthong, with its JVM settings; LOAD_JVM="-Xmx1g ..." starts them with java and
# these options instead (the baseline of 2026-12-05 ran with -Xmx1g). The JSON says what they ran with.
# SKIP_BUILD=1 uses the jars already built;
# LOAD_JAR=/path/lienthong.jar runs another build of the connector (e.g. to compare before and after in turns).
# LOAD_CONNECTOR_PROPERTIES="lienthong.axis.fetchers=1 ..." adds settings to both connectors (lienthong.* keys only).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B install -DskipTests
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx2g -classpath %classpath vn.lienthong.bench.LoadHarness \
${1:-500} ${2:-4} ${3:-signed100k} ${LOAD_JAR:-$PWD/connector/target/lienthong.jar} $PWD/bench/target/load ${4:-0}"
