#!/usr/bin/env bash
# Smoke test of the container files: builds the image, runs it, checks health, one run, the
# non-root user and the JVM command line, then does the same through docker-compose.
#
#   scripts/container-smoke.sh
#
# Works wherever Docker runs (upstream Temurin base images by default). When no Docker engine
# answers and the checkout sits beside shared/ (../shared/tools/container-engine.sh exists), that
# tool is sourced: it starts a local engine and builds local Java 17 base images, which are then
# used through the BUILD_IMAGE / RUNTIME_IMAGE build arguments.
#
# Environment:
#   BUILD_IMAGE, RUNTIME_IMAGE   base images (default: localhost/jdk17 + localhost/jre17 when those
#                                exist locally, otherwise eclipse-temurin:17-jdk / 17-jre)
#   OPTLAB_SMOKE_IMAGE           tag of the image built and run (default optlab:smoke)
#   OPTLAB_SMOKE_HEALTH_TIMEOUT  seconds to wait for health (default 90)
#   OPTLAB_SMOKE_SKIP_COMPOSE    1 to skip the docker-compose phase
# Exits 0 and prints "container-smoke: PASS" on success, non-zero and "FAIL" otherwise.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

IMAGE=${OPTLAB_SMOKE_IMAGE:-optlab:smoke}
HEALTH_TIMEOUT=${OPTLAB_SMOKE_HEALTH_TIMEOUT:-90}
RUN_NAME=optlab-smoke-$$
COMPOSE_PROJECT=optlabsmoke$$
RUN_BODY='{"objective":{"name":"rosenbrock"},"optimizer":{"name":"adam","learningRate":0.01},"iterations":200}'
JAVA_OPTS_MARK=-Doptlab.smoke=true
COMPOSE_MAX_ITERATIONS=1000

container_id=""
compose_up=0
TIMINGS=()
PHASE=setup

log() { printf '[container-smoke %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "ERROR: $*" >&2; exit 1; }
now() { date +%s.%N; }
record() { # phase start
  local secs
  secs=$(awk -v a="$2" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  TIMINGS+=("$(printf '%-38s %7ss' "$1" "$secs")")
  log "$1: ${secs}s"
}

compose() {
  if [[ -n ${COMPOSE_CMD:-} ]]; then
    $COMPOSE_CMD -p "$COMPOSE_PROJECT" -f "$ROOT/docker-compose.yml" "$@"
  else
    fail "neither docker-compose nor 'docker compose' is available"
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if [[ -n $container_id ]]; then
    if ((rc != 0)); then
      log "last log lines of $RUN_NAME:"
      docker logs --tail 40 "$container_id" 2>&1 | sed 's/^/    /'
    fi
    docker rm -f "$container_id" >/dev/null 2>&1
  fi
  if ((compose_up)); then
    if ((rc != 0)); then
      log "last log lines of the compose service:"
      compose logs --no-color --tail 40 optlab 2>&1 | sed 's/^/    /'
    fi
    compose down --remove-orphans --timeout 45 >/dev/null 2>&1
  fi
  echo
  echo "Timings:"
  local t
  for t in ${TIMINGS[@]+"${TIMINGS[@]}"}; do echo "  $t"; done
  if ((rc == 0)); then
    echo "container-smoke: PASS"
  else
    echo "container-smoke: FAIL (phase: $PHASE, exit $rc)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free TCP port on the loopback interface.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (: >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  fail "no free port found"
}

# wait_http_healthy PORT CONTAINER: polls /actuator/health until it answers UP.
wait_http_healthy() {
  local port=$1 cid=$2 deadline=$((SECONDS + HEALTH_TIMEOUT)) body
  while ((SECONDS < deadline)); do
    if [[ $(docker inspect -f '{{.State.Running}}' "$cid" 2>/dev/null) != true ]]; then
      fail "container $cid is not running (exit code $(docker inspect -f '{{.State.ExitCode}}' "$cid" 2>/dev/null))"
    fi
    if body=$(curl -fsS --max-time 3 "http://127.0.0.1:$port/actuator/health" 2>/dev/null) \
      && [[ $body == *'"status":"UP"'* ]]; then
      return 0
    fi
    sleep 1
  done
  fail "/actuator/health on port $port did not answer UP within ${HEALTH_TIMEOUT}s"
}

# wait_docker_healthy CONTAINER: waits until the image's / compose's own healthcheck says healthy.
wait_docker_healthy() {
  local cid=$1 deadline=$((SECONDS + HEALTH_TIMEOUT)) state
  while ((SECONDS < deadline)); do
    state=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$cid")
    case $state in
      healthy) return 0 ;;
      none) fail "container $cid has no healthcheck" ;;
      unhealthy) fail "container $cid is unhealthy: $(docker inspect -f '{{json .State.Health.Log}}' "$cid")" ;;
    esac
    sleep 1
  done
  fail "container $cid did not become healthy (docker healthcheck) within ${HEALTH_TIMEOUT}s"
}

# check_run PORT: POSTs the reference run and checks status and finalLoss in the JSON answer.
check_run() {
  local port=$1 out code body
  out=$(curl -sS --max-time 30 -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -d "$RUN_BODY" "http://127.0.0.1:$port/api/v1/runs") || fail "POST /api/v1/runs failed"
  code=${out##*$'\n'}
  body=${out%$'\n'*}
  [[ $code == 200 ]] || fail "POST /api/v1/runs answered HTTP $code: ${body:0:500}"
  if command -v python3 >/dev/null; then
    printf '%s' "$body" | python3 -c '
import json, math, sys
d = json.load(sys.stdin)
status, loss = d.get("status"), d.get("finalLoss")
ok_status = status in {"converged", "max_iterations", "diverged", "time_limit", "cancelled"}
ok_loss = isinstance(loss, (int, float)) and not isinstance(loss, bool) and math.isfinite(loss)
print("    status=%r finalLoss=%r iterations=%r" % (status, loss, d.get("iterations")))
sys.exit(0 if ok_status and ok_loss else 1)
' || fail "unexpected run answer: ${body:0:500}"
  else
    grep -Eq '"status":"(converged|max_iterations|diverged|time_limit|cancelled)"' <<<"$body" \
      && grep -Eq '"finalLoss":-?[0-9]' <<<"$body" \
      || fail "unexpected run answer: ${body:0:500}"
    log "    $(grep -Eo '"status":"[a-z_]+"' <<<"$body" | head -1) $(grep -Eo '"finalLoss":[^,]+' <<<"$body" | head -1)"
  fi
}

# check_container CONTAINER: not root; java is PID 1 (exec form) and got JAVA_OPTS.
check_container() {
  local cid=$1 uid cmdline
  uid=$(docker exec "$cid" id -u) || fail "docker exec id -u failed"
  [[ $uid =~ ^[0-9]+$ && $uid != 0 ]] || fail "container runs as uid '$uid' (root or unknown)"
  cmdline=$(docker exec "$cid" sh -c 'tr "\0" " " </proc/1/cmdline')
  log "    uid=$uid pid1: $cmdline"
  [[ $cmdline == java* || $cmdline == */java* ]] || fail "PID 1 is not java: $cmdline"
  [[ $cmdline == *"$JAVA_OPTS_MARK"* ]] || fail "JAVA_OPTS ($JAVA_OPTS_MARK) not on the java command line"
  [[ $cmdline == *-XX:MaxRAMPercentage=75* ]] || fail "-XX:MaxRAMPercentage=75 missing"
}

# --- engine -------------------------------------------------------------------------------------
PHASE=engine
command -v docker >/dev/null || fail "docker client not found"
command -v curl >/dev/null || fail "curl not found"
t=$(now)
if ! docker version >/dev/null 2>&1; then
  tool=$ROOT/../shared/tools/container-engine.sh
  [[ -f $tool ]] || fail "no Docker engine answers and $tool does not exist"
  log "no Docker engine answers; sourcing $tool"
  # shellcheck source=/dev/null
  source "$tool"
fi
record "engine ready" "$t"

# The local stand-ins (made by the tool above, here or in an earlier step) win over the upstream
# defaults unless the caller names base images.
if [[ -z ${BUILD_IMAGE:-} && -z ${RUNTIME_IMAGE:-} ]] \
  && docker image inspect localhost/jdk17 >/dev/null 2>&1 \
  && docker image inspect localhost/jre17 >/dev/null 2>&1; then
  BUILD_IMAGE=localhost/jdk17
  RUNTIME_IMAGE=localhost/jre17
fi
export BUILD_IMAGE=${BUILD_IMAGE:-eclipse-temurin:17-jdk}
export RUNTIME_IMAGE=${RUNTIME_IMAGE:-eclipse-temurin:17-jre}

if command -v docker-compose >/dev/null; then
  COMPOSE_CMD=docker-compose
elif docker compose version >/dev/null 2>&1; then
  COMPOSE_CMD="docker compose"
fi
log "docker $(docker version --format '{{.Server.Version}}'); compose: ${COMPOSE_CMD:-none}; base images: $BUILD_IMAGE, $RUNTIME_IMAGE"

# --- image --------------------------------------------------------------------------------------
PHASE="image build"
t=$(now)
docker build -t "$IMAGE" --build-arg "BUILD_IMAGE=$BUILD_IMAGE" --build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE" "$ROOT" \
  || fail "docker build failed"
record "image build" "$t"
log "image $IMAGE: $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }')"

# --- docker run ---------------------------------------------------------------------------------
PHASE="docker run"
port=$(free_port)
t=$(now)
container_id=$(docker run -d --name "$RUN_NAME" -p "127.0.0.1:$port:8080" \
  -e "JAVA_OPTS=$JAVA_OPTS_MARK" "$IMAGE")
log "started $RUN_NAME on 127.0.0.1:$port"
wait_http_healthy "$port" "$container_id"
record "run: start to /actuator/health UP" "$t"
wait_docker_healthy "$container_id"
record "run: start to docker 'healthy'" "$t"
t=$(now)
check_run "$port"
record "run: POST /api/v1/runs" "$t"
check_container "$container_id"
t=$(now)
docker stop -t 30 "$container_id" >/dev/null
record "run: docker stop" "$t"
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$container_id")
[[ $exit_code != 137 ]] || fail "the container did not stop on SIGTERM (exit 137: killed)"
log "    stopped with exit code $exit_code"
docker rm "$container_id" >/dev/null
container_id=""

# --- docker-compose -----------------------------------------------------------------------------
if [[ ${OPTLAB_SMOKE_SKIP_COMPOSE:-0} == 1 ]]; then
  log "compose phase skipped (OPTLAB_SMOKE_SKIP_COMPOSE=1)"
  exit 0
fi
PHASE="compose config"
[[ -n ${COMPOSE_CMD:-} ]] || fail "neither docker-compose nor 'docker compose' is available"
export OPTLAB_PORT
OPTLAB_PORT=$(free_port)
export OPTLAB_IMAGE=$IMAGE-compose
export JAVA_OPTS=$JAVA_OPTS_MARK
export OPTLAB_LIMITS_MAXITERATIONS=$COMPOSE_MAX_ITERATIONS
compose config -q || fail "docker-compose config is invalid"

PHASE="compose up"
t=$(now)
compose_up=1
compose up -d --build || fail "docker-compose up failed"
record "compose: up -d --build" "$t"
t=$(now)
cid=$(compose ps -q optlab)
[[ -n $cid ]] || fail "no container for service optlab"
wait_http_healthy "$OPTLAB_PORT" "$cid"
record "compose: start to /actuator/health UP" "$t"
wait_docker_healthy "$cid"
record "compose: start to docker 'healthy'" "$t"
check_run "$OPTLAB_PORT"
check_container "$cid"
# The limits from the environment reach the application: one iteration past the limit is refused.
over=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"objective\":{\"name\":\"rosenbrock\"},\"optimizer\":{\"name\":\"adam\"},\"iterations\":$((COMPOSE_MAX_ITERATIONS + 1))}" \
  "http://127.0.0.1:$OPTLAB_PORT/api/v1/runs")
[[ $over == 400 ]] || fail "OPTLAB_LIMITS_MAXITERATIONS=$COMPOSE_MAX_ITERATIONS not applied: $((COMPOSE_MAX_ITERATIONS + 1)) iterations answered HTTP $over, expected 400"
log "    OPTLAB_LIMITS_MAXITERATIONS=$COMPOSE_MAX_ITERATIONS applied (over the limit: HTTP 400)"

PHASE="compose down"
t=$(now)
compose down --remove-orphans --timeout 45 || fail "docker-compose down failed"
compose_up=0
record "compose: down" "$t"
