#!/usr/bin/env bash
# How the embedded tracking database's file grows while a connector runs: outbound documents tracked as the sending
# connector tracks them (three commits each), at a steady rate against one H2 database, the file's size, its chunks,
# how live they are and the CPU printed every 30 s. Bounded (at most 3600 s); the database is deleted at the end.
# Usage: bench/run-tracking-file-growth.sh [DOCUMENTS_PER_SECOND] [SECONDS]   (defaults 20 300)
# TRACKING_JAR=/path/lienthong.jar puts another build's connector first on the class path (e.g. to compare with the
# build before a change); SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B install -DskipTests
first=""
[ -z "${TRACKING_JAR:-}" ] || first="${TRACKING_JAR}:"
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx256m -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -classpath ${first}%classpath vn.lienthong.bench.TrackingFileGrowth ${1:-20} ${2:-300}"
