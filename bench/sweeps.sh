#!/usr/bin/env bash
# Measurement 5 of BENCHMARKS.md: the speed-up of 2 workers over 1 for a random sweep of 10,000
# trials × 1,000 Adam iterations (org.optlab.bench.SweepScaling: the sweep of SweepBenchmark, timed
# in back-to-back pairs, with a control of what the machine gave two threads in each round, and
# how busy other processes kept the cores). Run it when the machine is quiet.
#   bench/sweeps.sh                    # about 2 minutes
#   ROUNDS=20 bench/sweeps.sh
source "$(dirname "$0")/common.sh"
ROUNDS=${ROUNDS:-10}
CP=$(benchmark_classpath)
machine > "$OUT/sweeps-machine.txt"
java -cp "$CP" org.optlab.bench.SweepScaling "$ROUNDS" >"$OUT/sweeps.txt"
echo "$(cat "$OUT/sweeps-machine.txt"); finished with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$PYTHON" bench/report.py sweeps "$OUT/sweeps.txt"
