#!/usr/bin/env bash
# Measurement 1 of BENCHMARKS.md: ns per iteration of each optimizer on 2-D Rosenbrock with every
# step recorded (JMH RunLoopBenchmark), side by side with torch.optim (python3-torch, CPU, float64,
# one thread, gradient assigned with p.grad = tensor) and the lecture's numpy code.
#   bench/small-problems.sh            # about 4 minutes
#   TORCH2_PYTHON=/path/to/python bench/small-problems.sh   # adds a column for a second torch
source "$(dirname "$0")/common.sh"
need_apt "$PYTHON -c 'import torch, numpy'" python3-torch
CP=$(benchmark_classpath)
machine > "$OUT/small-machine.txt"
java -cp "$CP" org.openjdk.jmh.Main RunLoopBenchmark -f 1 -wi 3 -i 10 -w 1 -r 1 \
  -rf json -rff "$OUT/small-jmh.json" >"$OUT/small-jmh.log" 2>&1
"$PYTHON" bench/small_problems.py >"$OUT/small-torch.json"
extra=()
if [ -n "${TORCH2_PYTHON:-}" ]; then
  "$TORCH2_PYTHON" bench/small_problems.py --no-numpy >"$OUT/small-torch2.json"
  extra=("$OUT/small-torch2.json")
fi
echo "$(cat "$OUT/small-machine.txt"); finished with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Each figure is the best of its repeats (JMH: 10 iterations of 1 s; Python: 7 runs of 20,000 steps)."
echo
"$PYTHON" bench/report.py small "$OUT/small-jmh.json" "$OUT/small-torch.json" "${extra[@]}"
