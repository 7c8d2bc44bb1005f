#!/usr/bin/env bash
# JMH micro-benchmarks of one document's steps (EnvelopeBenchmarks): reading, validating, verifying its signatures
# (all together, the envelope's XML-DSig alone, the PDF's two alone) and assessing the signer's certificate, on a
# ~105 kB envelope of the load harness's signed100k mix under the test PKI. Bounded: one fork per benchmark, 3
# warm-up iterations of 1 s and 5 measured ones of 2 s (about 3 minutes in all on an idle machine; each fork first
# generates the test PKI); prints JMH's table at the end and writes bench/target/jmh-result.json.
# TrackingBenchmarks times the tracking database's commits for one outbound document on the embedded H2 file; it needs
# a few gigabytes of temporary disk while it runs (see its reportFile).
# HexStringBenchmarks times PdfReader reading one signature-sized hex string (24,576 digits) from a PDF in memory.
# Usage: bench/run-jmh.sh [JMH OPTIONS...]   e.g. `bench/run-jmh.sh assessCertificate -prof gc`; the defaults
#   below come first, so options given here override them. SKIP_BUILD=1 skips `mvn install`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B install -DskipTests
fi
LIENTHONG_LOG_LEVEL=WARN mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx512m -classpath %classpath org.openjdk.jmh.Main -f 1 -wi 3 -w 1s -i 5 -r 2s -jvmArgs -Xmx512m -rf json -rff target/jmh-result.json $*"
