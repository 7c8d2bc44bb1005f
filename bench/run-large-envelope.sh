#!/usr/bin/env bash
# Reads and validates one large envelope (one PDF attachment) with a small heap: first the reader in-process
# (LargeEnvelopeRead: wall, CPU, peak heap as the sum of the heap pools' peaks, peak RSS, per run), then the
# packaged `validate` command as a whole process (wall, CPU, peak RSS from /usr/bin/time; peak heap from its GC log:
# the largest heap before a collection or at exit). The limits are raised to fit the envelope for both.
# Usage: bench/run-large-envelope.sh [ENVELOPE_MIB] [HEAP] [RUNS] [WORK_DIR]
#   defaults: 1024 (a 1 GiB envelope), 64m, 2 read runs, bench/target/bench.
#   Needs about 2 × ENVELOPE_MIB free in WORK_DIR (the envelope and its spooled attachment); everything it writes
#   there is deleted at the end. SKIP_BUILD=1 skips `mvn install`.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
heap=${2:-64m}
runs=${3:-2}
work=${4:-bench/target/bench}
mkdir -p "$work"
work=$(cd "$work" && pwd)   # absolute: exec:exec runs in bench/

need_kib=$((size_mib * 2 * 1024 + 64 * 1024))
free_kib=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
if ((free_kib < need_kib)); then
  echo "needs $((need_kib / 1024)) MiB free in $work, has $((free_kib / 1024)) MiB" >&2
  exit 2
fi

envelope="$work/large-${size_mib}mib.edxml"
config="$work/large-${size_mib}mib.properties"
spool="$work/large-${size_mib}mib-spool"
gc_log="$work/large-${size_mib}mib-validate-gc.log"
trap 'rm -rf "$envelope" "$config" "$spool" "$gc_log"' EXIT

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B install -DskipTests
fi
mvn -q -B -pl bench exec:exec -Dexec.executable=java \
  -Dexec.args="-Xmx$heap -classpath %classpath vn.lienthong.bench.LargeEnvelopeRead $envelope $size_mib $runs"

envelope_bytes=$(stat -c %s "$envelope")
cat > "$config" <<EOF
lienthong.limits.max-envelope-bytes=$envelope_bytes
lienthong.limits.max-attachment-bytes=$envelope_bytes
lienthong.spool.directory=$spool
EOF
echo "--- validate (reading + structure check + rules) with -Xmx$heap, whole process:"
/usr/bin/time -f "validate: wall %e s, cpu %U s user + %S s system, peak RSS %M KiB, exit %x" \
  java "-Xmx$heap" "-Xlog:gc,gc+heap+exit:file=$gc_log" \
  -jar connector/target/lienthong.jar validate --config "$config" "$envelope"
# Used heap only grows between collections, so its peak is the largest "before" of a pause, or the use at exit.
awk '
  / Pause / && match($0, /[0-9]+M->/) { before = substr($0, RSTART, RLENGTH - 3) + 0; if (before > peak) peak = before }
  / garbage-first heap / && match($0, /used [0-9]+K/) { used = substr($0, RSTART + 5, RLENGTH - 6) / 1024; if (used > peak) peak = used }
  END { printf "validate: peak heap %.1f MiB (GC log)\n", peak }' "$gc_log"
