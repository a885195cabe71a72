#!/usr/bin/env bash
# Time to ready, resident memory (VmRSS and PSS, from /proc) and CPU used of every process of the local stack.
#   scripts/stack-footprint.sh [runs]      (default 3; STACK_ARGS=--jvm-per-service for a JVM per service)
# Each run starts `faultline stack --free-ports` (so it runs beside anything on the demo ports), waits for its
# "running" line, reads each part's start time from its progress lines and the VmRSS, PSS and CPU time of the CLI and
# of every process below it, then stops it with SIGTERM (its shutdown hook stops everything) and waits for it to end.
# Builds nothing that is not missing and installs nothing: it runs the modules' target/ (mvn -o package first).
# The machine's load average is printed with every run: on the shared 2-core machine it moves every figure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
# e.g. STACK_ARGS=--jvm-per-service: each service in a JVM of its own, as before the services shared one
STACK_ARGS="${STACK_ARGS:-}"
READY_TIMEOUT=300

if [[ ! -f cli/target/runtime.classpath ]]; then
  mvn -B -q -o -pl cli -am package -DskipTests >&2
fi
CP="cli/target/classes:$(cat cli/target/runtime.classpath)"
source scripts/cli-jvm.sh
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

# every descendant of $1 (children first found through /proc/*/stat's parent pid)
descendants() {
  local pid child
  for child in $(awk -v p="$1" '$4 == p { print $1 }' /proc/[0-9]*/stat 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# proportional set size: each page shared by n processes (the JVM's own code, the JDK's class-data archive, which
# every JVM here maps) counts 1/n in each, so the PSS of all the stack's processes adds up to the memory they hold
pss_mib() { awk '/^Pss:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
# CPU seconds (user + system) the process has used so far
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# a process's name: the stack's own (from its "pid N" progress line), else its main class or command
process_name() {
  local pid="$1" log="$2" name
  # a JVM the services share prints one line per service, each ending "pid N (JVM services)"
  name="$(awk -v p="$pid" '{ for (i = 2; i <= NF; i++) if ($(i-1) == "pid" && $i == p) {
    name = $1; if ($(i+1) == "(JVM") { name = $(i+2); sub(/\)$/, "", name) }; print name; exit } }' "$log")"
  if [[ -z "$name" ]]; then
    name="$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -E '^(dev|org)\.[A-Za-z.]+[A-Z][A-Za-z]+$' | tail -1 \
      || true)"
    name="${name##*.}"
    [[ -z "$name" ]] && name="$(cat "/proc/$pid/comm" 2>/dev/null || echo '?')"
  fi
  echo "$name"
}

echo "== $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$RUNS"); do
  log="$OUT/run-$run.log"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  started=$(date +%s.%N)
  # the JVM of ./faultline's commands
  cli_jvm "$CP"
  MALLOC_ARENA_MAX=2 java "${CLI_JVM[@]}" -Dfaultline.root="$ROOT" dev.faultline.cli.FaultlineCli stack --free-ports $STACK_ARGS \
    > "$log" 2>&1 &
  cli=$!
  ready=""
  while kill -0 "$cli" 2>/dev/null; do
    if grep -q '^running; Ctrl-C' "$log"; then
      ready=$(date +%s.%N)
      break
    fi
    if (( $(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { print (n - s > '"$READY_TIMEOUT"') }') )); then
      break
    fi
    sleep 0.2
  done
  if [[ -z "$ready" ]]; then
    echo "-- run $run: the stack did not come up; its output:" >&2
    cat "$log" >&2
    kill "$cli" 2>/dev/null || true
    wait "$cli" 2>/dev/null || true
    exit 1
  fi
  echo "-- run $run: ready in $(awk -v s="$started" -v r="$ready" 'BEGIN { printf "%.1f", r - s }') s" \
    "(launch to \"running\", JVM start included); load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "   each part, as the stack printed it (seconds from the start of its step or batch):"
  grep -E '^  [a-z-]+ +(http|[0-9]|/|localhost)' "$log" | grep -E ' s  ' | sed 's/^/   /' || true
  total=0 total_pss=0 total_cpu=0
  printf '   %-24s %8s %10s %10s %8s\n' process pid 'RSS MiB' 'PSS MiB' 'CPU s'
  for pid in "$cli" $(descendants "$cli"); do
    rss="$(rss_mib "$pid")"
    [[ "$rss" == 0 || -z "$rss" ]] && continue
    pss="$(pss_mib "$pid")" cpu="$(cpu_s "$pid")"
    printf '   %-24s %8s %10s %10s %8s\n' "$(process_name "$pid" "$log")" "$pid" "$rss" "$pss" "$cpu"
    total=$(awk -v t="$total" -v r="$rss" 'BEGIN { print t + r }')
    total_pss=$(awk -v t="$total_pss" -v r="$pss" 'BEGIN { print t + r }')
    total_cpu=$(awk -v t="$total_cpu" -v r="$cpu" 'BEGIN { print t + r }')
  done
  printf '   %-24s %8s %10.1f %10.1f %8.1f\n' 'whole stack' '' "$total" "$total_pss" "$total_cpu"
  printf '   RSS summed over the processes: %.2f GB; the memory they hold (PSS summed): %.2f GB; CPU to ready: %.1f s\n' \
    "$(awk -v t="$total" 'BEGIN { print t * 1048576 / 1e9 }')" "$(awk -v t="$total_pss" 'BEGIN { print t * 1048576 / 1e9 }')" \
    "$total_cpu"
  kill -TERM "$cli"
  wait "$cli" 2>/dev/null || true
done
