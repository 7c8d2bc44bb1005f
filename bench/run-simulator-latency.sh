#!/usr/bin/env bash
# How long the axis simulator takes to answer one request on loopback, over a kept-alive connection: N sequential
# GETs of its fault-control endpoint (a small JSON answer, no storage), timed by curl. Bounded: N requests, then the
# simulator is stopped.
# Usage: bench/run-simulator-latency.sh [REQUESTS] [PORT]   (defaults 200 and 18799)
# JAVA_OPTS=-Dsun.net.httpserver.nodelay=false gives the simulator as it was before it set TCP_NODELAY.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
port=${2:-18799}
[ -f connector/target/lienthong.jar ] || mvn -q -B package -DskipTests
storage=$(mktemp -d)
java ${JAVA_OPTS:-} -jar connector/target/lienthong.jar simulate-axis --port "$port" --system=bench=bench-secret \
  --storage "$storage" > "$storage/simulator.out" 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null; wait $simulator 2>/dev/null; rm -rf "$storage"' EXIT
url="http://127.0.0.1:$port/simulator/faults"
for _ in $(seq 1 100); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
args=()
for _ in $(seq 1 "$requests"); do args+=(-o /dev/null "$url"); done
curl -s -w "%{time_total}\n" "${args[@]}" | sort -n | awk '{t[NR]=$1} END {
  printf "%d requests on one connection: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    NR, 1000*t[int(NR*0.5)], 1000*t[int(NR*0.9)], 1000*t[int(NR*0.99)], 1000*t[NR] }'
