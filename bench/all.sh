#!/usr/bin/env bash
# The five measurements of BENCHMARKS.md, one after another (about 12 minutes). Each script prints
# its own table; see it for what it measures and its options.
set -euo pipefail
cd "$(dirname "$0")/.."
for script in small-problems large-vectors wrk big-answers sweeps; do
  echo "## $script"
  echo
  "bench/$script.sh"
  echo
done
