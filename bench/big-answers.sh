#!/usr/bin/env bash
# Measurement 4 of BENCHMARKS.md: a run of 10^6 iterations with every iterate recorded, as JSON and
# as CSV. In-process (org.optlab.bench.BigAnswers): heap growth while the response is written and
# MB/s; over HTTP: the packaged jar, started with the path limits raised on the command line (the
# defaults stay) and its heap capped at SERVER_HEAP, answering curl.
#   bench/big-answers.sh               # about 1 minute
source "$(dirname "$0")/common.sh"
ITERATIONS=${ITERATIONS:-1000000}
SERVER_HEAP=${SERVER_HEAP:-160m}
# The jar first: packaging recompiles the tests without src/jmh.
if [ -z "${SKIP_BUILD:-}" ]; then ./mvnw -B -q -DskipTests package >&2; fi
CP=$(benchmark_classpath)
machine > "$OUT/big-machine.txt"
java -Xmx2g -cp "$CP" org.optlab.bench.BigAnswers "$ITERATIONS" 3 >"$OUT/big-harness.txt"

JAR=$(ls target/optlab-*.jar | grep -v original | head -1)
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
java -Xmx"$SERVER_HEAP" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --optlab.limits.max-path-points=$((ITERATIONS + 2)) --optlab.limits.max-path-values=$((2 * ITERATIONS + 4)) \
  >"$OUT/big-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "$URL/actuator/health" >/dev/null && break; sleep 0.5; done
BODY="{\"objective\": {\"name\": \"rosenbrock\"}, \"optimizer\": {\"name\": \"adam\", \"learningRate\": 0.001},
       \"iterations\": $ITERATIONS, \"record\": {\"every\": 1}}"
: >"$OUT/big-curl.txt"
for format in json csv; do
  accept=$([ $format = json ] && echo application/json || echo text/csv)
  best=""
  for pass in 1 2 3; do  # the first pass warms the JIT; the best of the others is kept
    line=$(curl -s -o /dev/null -w '%{size_download} %{time_total} %{http_code}' -X POST "$URL/api/v1/runs" \
      -H 'Content-Type: application/json' -H "Accept: $accept" -d "$BODY")
    if [ $pass -gt 1 ] && { [ -z "$best" ] || awk -v a="$line" -v b="$best" 'BEGIN {split(a, x); split(b, y); exit !(x[2] < y[2])}'; }; then
      best=$line
    fi
  done
  echo "$format $best" >>"$OUT/big-curl.txt"
done
echo "$(cat "$OUT/big-machine.txt"); finished with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Server heap capped with -Xmx$SERVER_HEAP; MB/s over HTTP include the run itself (about 30 ns per iteration)."
echo
"$PYTHON" bench/report.py big "$OUT/big-harness.txt" "$OUT/big-curl.txt"
