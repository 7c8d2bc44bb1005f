#!/usr/bin/env bash
# JMH micro-benchmarks of one document's steps (EnvelopeBenchmarks): reading, validating, verifying its signatures
# (all together, the envelope's XML-DSig alone, the PDF's two alone) and assessing the signer's certificate, on a
# ~105 kB envelope of the load harness's signed100k mix under the test PKI. Bounded: one fork per benchmark, 3
# warm-up iterations of 1 s and 5 measured ones of 2 s (about 3 minutes in all on an idle machine; each fork first
# generates the test PKI); prints JMH's table at the end and writes bench/target/jmh-result.json.
# TrackingBenchmarks times the tracking database's commits for one outbound and one inbound document on the embedded
# H2 file; it needs a few gigabytes of temporary disk while it runs (see its reportFile).
# LeastTrackingBenchmarks times the least tracking a document could have on H2 (three hash-chained hops, no other
# table or index), as a floor beside TrackingBenchmarks.
# HexStringBenchmarks times PdfReader reading one signature-sized hex string (24,576 digits) from a PDF in memory.
# Usage: bench/run-jmh.sh [JMH OPTIONS...]   e.g. `bench/run-jmh.sh assessCertificate -prof gc` or
#   `bench/run-jmh.sh 'TrackingBenchmarks' -i 8 -r 3s`: an option given here replaces the default above (JMH takes
#   each option once). JMH_JVM sets the benchmark JVM's options (default -Xmx512m), for example bin/lienthong's:
#   JMH_JVM="-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=../config/jit-directives.json
#   -XX:CompileThresholdScaling=0.1 -XX:+UseSerialGC -Xmx256m" (paths from bench/). SKIP_BUILD=1 skips `mvn install`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B install -DskipTests
fi
# Each default only where the caller did not give that option.
defaults=""
for option in "-f 1" "-wi 3" "-w 1s" "-i 5" "-r 2s"; do
  given=false
  for arg in "$@"; do
    [[ "$arg" == "${option%% *}" ]] && given=true
  done
  $given || defaults+=" $option"
done
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx512m -classpath %classpath org.openjdk.jmh.Main$defaults -jvmArgs '${JMH_JVM:--Xmx512m}' -rf json -rff target/jmh-result.json $*"
