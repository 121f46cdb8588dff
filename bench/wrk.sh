#!/usr/bin/env bash
# Measurement 3 of BENCHMARKS.md: requests per second and p99 latency of POST /api/v1/runs (Adam,
# Rosenbrock, 1,000 iterations, default recording) against GET /api/v1/schedules, with wrk, on the
# packaged jar, in one run. PROFILE=1 also records the server with JFR and prints its hot spots.
#   bench/wrk.sh                       # about 3 minutes
#   DURATION=30s CONNECTIONS=8 ROUNDS=1 PROFILE=1 bench/wrk.sh
source "$(dirname "$0")/common.sh"
need_apt "command -v wrk" wrk
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-4}
ROUNDS=${ROUNDS:-3}
if [ -z "${SKIP_BUILD:-}" ]; then ./mvnw -B -q -DskipTests package >&2; fi
JAR=$(ls target/optlab-*.jar | grep -v original | head -1)
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$OUT/wrk-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "$URL/actuator/health" >/dev/null && break; sleep 0.5; done
machine > "$OUT/wrk-machine.txt"
LUA=bench/run-request.lua
sed 's/"iterations": 1000}/"iterations": 1000, "record": {"every": 1000}}/' $LUA >"$OUT/run-small-path.lua"
# Warm-up (JIT), then the measured runs, alternating for ROUNDS rounds so that all see the same machine.
wrk -t1 -c"$CONNECTIONS" -d10s -s $LUA "$URL/api/v1/runs" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d5s -s "$OUT/run-small-path.lua" "$URL/api/v1/runs" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d10s "$URL/api/v1/schedules" >/dev/null
for round in $(seq "$ROUNDS"); do
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL/api/v1/schedules" >"$OUT/wrk-baseline-$round.txt"
  if [ -n "${PROFILE:-}" ] && [ "$round" = 1 ]; then
    jcmd $SERVER JFR.start name=run settings=profile >/dev/null
  fi
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s $LUA "$URL/api/v1/runs" >"$OUT/wrk-run-$round.txt"
  if [ -n "${PROFILE:-}" ] && [ "$round" = 1 ]; then
    jcmd $SERVER JFR.stop name=run filename="$PWD/$OUT/wrk-run.jfr" >/dev/null
  fi
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$OUT/run-small-path.lua" "$URL/api/v1/runs" \
    >"$OUT/wrk-run-small-path-$round.txt"
done
echo "$(cat "$OUT/wrk-machine.txt"); finished with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --latency per endpoint after a warm-up, $ROUNDS rounds alternating;"
echo "the server and wrk share the machine. Medians over the rounds:"
echo
"$PYTHON" bench/report.py wrk "$OUT" "$ROUNDS"
if [ -n "${PROFILE:-}" ]; then
  echo
  echo "JFR profile of the server during the first round of POST /api/v1/runs:"
  "$PYTHON" bench/jfr_hotspots.py "$OUT/wrk-run.jfr"
fi
