#!/usr/bin/env bash
# Reads a 300 MB envelope (one 220 MB attachment) with a 96 MB heap and reports time and peak heap per run,
# then validates the same file with the packaged jar under /usr/bin/time for whole-process figures.
# Usage: bench/run-large-envelope.sh [WORK_DIR]   (needs ~600 MB free in WORK_DIR; default target/bench)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-bench/target/bench}
mkdir -p "$work"
envelope="$(cd "$work" && pwd)/large-300mb.edxml"   # absolute: exec:exec runs in bench/

mvn -q -B install -DskipTests
mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx96m -classpath %classpath vn.lienthong.bench.LargeEnvelopeRead $envelope 220 3"

echo "--- validate (reading + structure check + rules) with -Xmx96m, whole process:"
/usr/bin/time -f "wall %e s, max RSS %M KiB, exit %x" \
  java -Xmx96m -jar connector/target/lienthong.jar validate "$envelope"
