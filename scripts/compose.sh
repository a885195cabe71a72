#!/usr/bin/env bash
# `./faultline compose up|demo|down|ps|logs [SERVICE] [--instances 1|2]`: the whole platform in containers
# (docker-compose.yml); with --instances 2, two instances of each of the six services (the profile two-instances).
#   up    prepares Docker when needed (scripts/prepare-docker.sh), builds the images (deploy/docker/build-images.sh;
#         Docker's cache keeps what did not change), writes the stack's secrets once (target/compose), starts
#         everything and waits until every container is healthy; prints the time to ready and the memory it holds
#   demo  up, then declares the demo targets and runs the example experiment through the containers to its verdict
#   down  stops and removes the containers, their network and volumes (the secrets stay in target/compose)
# The CLI's settings for this stack: FAULTLINE_KAFKA=127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292 and
# FAULTLINE_KAFKA_CONFIG=target/compose/kafka/clients/<principal>.properties; the services are on the demo ports.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf 'compose: %s\n' "$*" >&2; }
SECRETS=target/compose
COMPOSE=(docker-compose -p faultline -f docker-compose.yml)
# Debian's client, which matches its engine (scripts/prepare-docker.sh)
docker() { /usr/bin/docker "$@"; }
READY_TIMEOUT=${FAULTLINE_COMPOSE_READY_TIMEOUT:-420}
export FAULTLINE_KAFKA=127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292

prepare() {
  bash scripts/prepare-docker.sh
  deploy/docker/build-images.sh
  ./faultline compose-secrets "$SECRETS"
}

# Waits until every container of the project is healthy (or, for the one-shot setup job, exited 0).
await_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) id state pending
  while :; do
    pending=()
    for id in $("${COMPOSE[@]}" ps -q); do
      state="$(docker inspect -f '{{.Name}} {{.State.Status}} {{.State.ExitCode}} {{.RestartCount}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id")"
      read -r name status code restarts health <<< "$state"
      if [ "$restarts" -ge 3 ]; then
        log "${name#/} keeps failing ($restarts restarts); its last lines:"
        docker logs --tail 30 "$id" 2>&1 | grep -v '^\s*at ' >&2
        return 1
      fi
      case "$status/$health" in
        running/healthy | running/none) ;;
        exited/none) [ "$code" = 0 ] || { log "${name#/} exited with $code:"; docker logs --tail 30 "$id" >&2; return 1; } ;;
        *) pending+=("${name#/}:$status/$health") ;;
      esac
    done
    [ ${#pending[@]} -eq 0 ] && return 0
    if [ $SECONDS -ge $deadline ]; then
      log "not ready within ${READY_TIMEOUT} s: ${pending[*]}"
      "${COMPOSE[@]}" ps >&2
      return 1
    fi
    sleep 1
  done
}

# No container's process runs as root: each one's first process, read from the host's /proc, has a non-zero real and
# effective uid, and holds no capability but the host agent's one, CAP_KILL (bit 5: it pauses and kills other users'
# processes).
non_root() {
  local id name pid uids caps allowed root=() privileged=() users=()
  for id in $("${COMPOSE[@]}" ps -q); do
    read -r name pid <<< "$(docker inspect -f '{{.Name}} {{.State.Pid}}' "$id")"
    name="${name#/}"
    [ "$pid" != 0 ] || continue # the setup job, exited
    uids="$(awk '/^Uid:/ { print $2 "/" $3 }' "/proc/$pid/status" 2>/dev/null || true)"
    caps="$(awk '/^CapEff:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
    [ -n "$uids" ] || continue # restarting at this moment: await_ready has just seen it healthy
    users+=("${name#faultline_}=$uids")
    if [[ "$uids" == 0/* || "$uids" == */0 ]]; then root+=("$name"); fi
    allowed=0000000000000000
    [[ "$name" != *_agent_* ]] || allowed=0000000000000020
    [[ "$caps" == "$allowed" ]] || privileged+=("$name=$caps")
  done
  [ ${#root[@]} -eq 0 ] || { log "running as root: ${root[*]}"; return 1; }
  [ ${#privileged[@]} -eq 0 ] || { log "holding capabilities (CapEff) beyond CAP_KILL for the agent: ${privileged[*]}"; return 1; }
  log "processes' real/effective uids: ${users[*]}; no capability but the agent's CAP_KILL"
}

# Resident memory of every container, and the total (docker stats: the cgroup's usage, page cache excluded).
memory() {
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $("${COMPOSE[@]}" ps -q) | awk '
    function mib(v) { if (v ~ /GiB/) return v * 1024; if (v ~ /MiB/) return v + 0; if (v ~ /KiB/) return v / 1024; return v / 1048576 }
    { m = mib($2); total += m; printf "  %-34s %7.0f MiB\n", $1, m }
    END { printf "  %-34s %7.0f MiB\n", "total", total }'
}

up() {
  prepare
  local started=$SECONDS
  "${COMPOSE[@]}" up -d >&2
  await_ready
  non_root
  log "ready in $((SECONDS - started)) s (docker-compose up to every container healthy); memory:"
  memory >&2
}

# A demo user's access token from the stack's issuer.
token_of() {
  local token
  token="$(curl -sf -X POST -H 'content-type: application/json' -d "{\"user\":\"$1\"}" http://127.0.0.1:8110/token \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || { log "cannot sign in as $1 at the issuer (http://127.0.0.1:8110)"; return 1; }
  printf '%s' "$token"
}

demo() {
  up
  local cli_home="$SECRETS/cli" admin_token
  mkdir -p "$cli_home"
  # the demo targets with the containers' addresses, declared by the admin through hypothesis-service
  admin_token="$(token_of admin)" || return 1
  FAULTLINE_HOME="$cli_home" FAULTLINE_TOKEN="$admin_token" ./faultline targets apply deploy/targets/demo.yaml \
    --set storefront-url=http://storefront:18080 --set storefront-port=18080 \
    --set pricing-url=http://pricing:18090 --set pricing-port=18090 \
    --set agent-url=http://agent:8479 --set logs=/var/log/demo
  FAULTLINE_HOME="$cli_home" ./faultline demo --running --kafka-config "$SECRETS/kafka/clients/faultline-auditor.properties" \
    | tee "$SECRETS/demo.out"
  await_traces
  await_scrapes
  host_fault
  if [ "$INSTANCES" = 2 ]; then
    second_instances
  fi
}

# A host fault through the agent container: pricing's JVM (in its own container) paused for 12 s by the agent, which
# runs in the host's PID namespace — proposed as alice, accepted as bob, followed on Kafka to its verdict. The stop
# must be COMPLETED with the rollback verified by the agent, the verdict issued, and nothing left on the agent.
host_fault() {
  local cli_home="$SECRETS/cli" proposer reviewer experiment out="$SECRETS/host-fault.out" stopped left
  proposer="$(token_of alice)" || return 1
  reviewer="$(token_of bob)" || return 1
  experiment="$(FAULTLINE_HOME="$cli_home" FAULTLINE_TOKEN="$proposer" ./faultline propose --service storefront \
    --fault PROCESS_PAUSE --dependency pricing --duration 12 \
    --why "Does the storefront survive pricing frozen in a long stop-the-world pause?")" || return 1
  log "host fault: proposed $experiment (pricing's JVM paused through the agent container)"
  await_drafted "$experiment" "$proposer" || return 1
  FAULTLINE_HOME="$cli_home" FAULTLINE_TOKEN="$reviewer" ./faultline review "$experiment" --accept >&2 || return 1
  FAULTLINE_HOME="$cli_home" ./faultline watch "$experiment" --timeout 180 \
    --kafka-config "$SECRETS/kafka/clients/faultline-auditor.properties" > "$out" || {
    log "host fault: no verdict for $experiment within 180 s ($out):"; tail -20 "$out" >&2; return 1; }
  grep -E ' (preflight|injecting|refused|stopped|verdict) ' "$out" | cut -c1-240 >&2
  stopped="$(grep -E ' stopped +COMPLETED after .*rollback verified.*removed and verified by its agent' "$out" || true)"
  [ -n "$stopped" ] || { log "host fault: $experiment did not stop COMPLETED with the agent's verified removal ($out)"; return 1; }
  left="$("${COMPOSE[@]}" exec -T agent bash -c 'exec 3<>/dev/tcp/127.0.0.1/8479 && printf "GET /faults HTTP/1.0\r\nAuthorization: Bearer faultline-demo-agent-token\r\n\r\n" >&3 && tail -1 <&3')"
  [ "$left" = "[]" ] || { log "host fault: the agent still holds faults after $experiment: $left"; return 1; }
  log "host fault: $experiment stopped COMPLETED, removed and verified by the agent, verdict issued; nothing left on the agent"
}

# The experiment's hypothesis drafted (what a review needs), read from hypothesis-service.
await_drafted() {
  local deadline=$((SECONDS + 60))
  until curl -sf -H "authorization: Bearer $2" "http://127.0.0.1:8101/experiments/$1/hypothesis" | grep -q '"hypothesis":'; do
    [ $SECONDS -lt $deadline ] || { log "host fault: $1 was not drafted within 60 s"; return 1; }
    sleep 1
  done
}

# Prometheus scrapes every instance of the six services (the second ones found by name): each was up at a scrape in
# the last two minutes (on a crowded machine one scrape of a busy service can time out after 5 s, which says nothing
# about whether it is scraped).
await_scrapes() {
  local want=$((6 * INSTANCES)) up="" waited=0
  while [ "$waited" -lt 60 ]; do
    up="$(curl -sf 'http://127.0.0.1:9090/api/v1/query' \
      --data-urlencode 'query=count(max_over_time(up{job="faultline"}[2m]) == 1)' \
      | sed -n 's/.*"value":\[[^,]*,"\([0-9]*\)"\].*/\1/p')"
    [ "${up:-0}" = "$want" ] && { log "Prometheus scrapes all $want service instances"; return 0; }
    sleep 2; waited=$((waited + 2))
  done
  log "Prometheus scrapes ${up:-no} of the $want service instances after 60 s (http://127.0.0.1:9090/targets)"
  return 1
}

# Every second instance answers; catalog-service-2 serves the demo's experiment (from its own Streams tasks or
# forwarded to the first's), as catalog-service does.
second_instances() {
  local token experiment port first second
  token="$(token_of erin)" || return 1
  experiment="$(sed -n 's/^proposed experiment \([^ ]*\) as .*/\1/p' "$SECRETS/demo.out" | head -1)"
  [ -n "$experiment" ] || { log "no experiment id in the demo's output"; return 1; }
  for port in 8111 8112 8113 8114 8115 8116; do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null || { log "the second instance on port $port does not answer /health"; return 1; }
  done
  first="$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:8105/experiments/$experiment")" \
    || { log "catalog-service does not serve $experiment"; return 1; }
  second="$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:8115/experiments/$experiment")" \
    || { log "catalog-service-2 does not serve $experiment"; return 1; }
  [ "$first" = "$second" ] || { log "the two catalog instances answer differently for $experiment"; return 1; }
  log "two instances of each service answer; both catalog instances serve $experiment alike ($(printf '%s' "$second" | wc -c) bytes)"
}

# The services' spans reached the stack's trace collector: every one of the five that the example passes through.
await_traces() {
  local deadline=$((SECONDS + 30)) services missing
  while :; do
    services="$(curl -sf http://127.0.0.1:4318/v1/services || true)"
    missing=()
    for service in hypothesis-service safety-service injector-service analysis-service catalog-service; do
      [[ "$services" == *"\"$service\""* ]] || missing+=("$service")
    done
    if [ ${#missing[@]} -eq 0 ]; then
      log "spans received by the trace collector, per service: $services"
      return 0
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "no spans from ${missing[*]} at the trace collector within 30 s (it has: ${services:-nothing})"
      return 1
    fi
    sleep 1
  done
}

sub="${1:-up}"
shift || true
INSTANCES=1
rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) INSTANCES="${2:-}"; shift 2 || { log "--instances needs 1 or 2"; exit 2; } ;;
    --instances=*) INSTANCES="${1#*=}"; shift ;;
    *) rest+=("$1"); shift ;;
  esac
done
case "$INSTANCES" in
  1) ;;
  2) COMPOSE+=(--profile two-instances) ;;
  *) log "--instances must be 1 or 2, was '$INSTANCES'"; exit 2 ;;
esac
set -- "${rest[@]+"${rest[@]}"}"
case "$sub" in
  up) up ;;
  demo) demo ;;
  # every container goes, the second instances' included, however the stack was started
  down) docker-compose -p faultline -f docker-compose.yml --profile two-instances down -v --remove-orphans ;;
  ps) "${COMPOSE[@]}" ps ;;
  logs) "${COMPOSE[@]}" logs --tail 200 "$@" ;;
  *) log "unknown: compose $sub (up, demo, down, ps, logs)"; exit 2 ;;
esac
