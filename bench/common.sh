# Shared by the bench/ scripts: sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=${BENCH_OUT:-target/bench}
mkdir -p "$OUT"
# Debian's python3-torch is installed for the system interpreter, not for a pyenv or venv one.
PYTHON=${PYTHON:-/usr/bin/python3}

need_apt() { # need_apt COMMAND-THAT-MUST-SUCCEED PACKAGE
  if ! eval "$1" >/dev/null 2>&1; then
    echo "installing $2 ..." >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y "$2" >/dev/null; else sudo apt-get install -y "$2" >/dev/null; fi
  fi
}

# Compiles main, test and src/jmh classes and writes their classpath (once per script run).
benchmark_classpath() {
  ./mvnw -B -q -Pbenchmarks -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmarks.classpath -Dmdep.includeScope=test >&2
  echo "target/test-classes:target/classes:$(cat target/benchmarks.classpath)"
}

machine() {
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(free -h | awk '/^Mem:/ {print $2}') memory; $(java -version 2>&1 | head -1);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%SZ)"
}
