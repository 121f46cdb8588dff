#!/usr/bin/env bash
# Measurement 2 of BENCHMARKS.md: one Adam and one SGD-momentum step on N = 10^6 and 10^7 float64
# parameters against the bandwidth bound from a STREAM triad in the same JVM (and an in-place probe),
# timed in rounds so that each ratio is of figures taken at the same moment
# (org.optlab.bench.BandwidthBound; the same kernels as JMH LargeVectorBenchmark, which JMH=1 also
# runs), and against torch.optim with foreach=True (one thread).
#   bench/large-vectors.sh             # about 1 minute
#   TORCH2_PYTHON=/path/to/python bench/large-vectors.sh   # adds torch 2.x (foreach and fused)
source "$(dirname "$0")/common.sh"
need_apt "$PYTHON -c 'import torch'" python3-torch
CP=$(benchmark_classpath)
machine > "$OUT/large-machine.txt"
java -Xmx4g -cp "$CP" org.optlab.bench.BandwidthBound 40 >"$OUT/large-bound.txt"
if [ -n "${JMH:-}" ]; then
  java -Xmx4g -cp "$CP" org.openjdk.jmh.Main LargeVectorBenchmark -bm sample -f 1 -wi 3 -i 5 -w 1 -r 2 \
    -rf json -rff "$OUT/large-jmh.json" >"$OUT/large-jmh.log" 2>&1
fi
"$PYTHON" bench/large_vectors.py >"$OUT/large-torch.json"
extra=()
if [ -n "${TORCH2_PYTHON:-}" ]; then
  "$TORCH2_PYTHON" bench/large_vectors.py >"$OUT/large-torch2.json"
  extra=("$OUT/large-torch2.json")
fi
echo "$(cat "$OUT/large-machine.txt"); finished with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Medians of 40 rounds; × bound is the median over rounds of (step time) ÷ (bytes moved ÷ the probe's"
echo "bandwidth in that round)."
"$PYTHON" bench/report.py large "$OUT/large-bound.txt" "$OUT/large-torch.json" "${extra[@]}"
