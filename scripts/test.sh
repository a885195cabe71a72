#!/usr/bin/env bash
# The whole test suite (`./faultline test [MAVEN OPTIONS]`): unit tests, the *IT classes against the real devstack, a
# real Prometheus and Chromium, and the end-to-end suite.
#
# Two phases, because a Maven reactor holds every module until all it depends on has passed its tests: the end-to-end
# module (cli) depends on every service, so it used to start only after the longest service suite ended, and most
# integration-test time is waiting (faults, leases, restarts), which overlaps well on two cores.
#   1. build: `mvn -T 2 install` with no test run (test classes compiled, both test plugins resolved), stamped as the
#      `faultline` command's build so nothing rebuilds behind the tests;
#   2. test: FAULTLINE_TEST_LANES (default 2) lanes take modules from one queue, the longest suites first, and run only
#      the test goals (surefire:test failsafe:integration-test failsafe:verify) on what phase 1 built: nothing is
#      compiled or packaged again while another module's tests run services from its target/.
# Test JVMs: the forks run C1 only with a serial collector (the pom's faultline.test.jvm), and so does each lane's
# Maven (MAVEN_OPTS, unless set), which only waits on its fork: the lanes share two cores, and C2's and G1's own
# threads there cost more CPU than faster code saves (analysis-service's suite: 109 s of CPU instead of 165 s).
# Each module's output goes to target/test-logs/<module>.log; a line per module is printed as it ends, and a failed
# module's failures and the end of its log. Exit status non-zero when any module failed; every module runs.
#   --job NAME=COMMAND   one more item for the lanes, taken third (after the two longest suites), its output in
#                        target/test-logs/NAME.log: .ci/run's container steps (scripts/ci-containers.sh) run so.
#                        The two-instance stack (cli's ManyInstancesE2EIT) is always such an item, taken after them
# Any other argument goes to every mvn call (e.g. -Dfaultline.devstack=containers).
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A jobs=()
job_names=()
while [[ "${1:-}" == --job ]]; do
  [[ "${2:-}" == *=* ]] || { echo "faultline test: --job takes NAME=COMMAND" >&2; exit 2; }
  jobs["${2%%=*}"]="${2#*=}"
  job_names+=("${2%%=*}")
  shift 2
done

lanes="${FAULTLINE_TEST_LANES:-2}"   # FAULTLINE_TEST_MODULES="a b": only these modules' tests
logs=target/test-logs
started=$SECONDS

say() { printf 'faultline test: %s\n' "$*"; }
elapsed() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

# Longest suites first (from the last runs), so the lanes end together; any module not named here runs after them.
# Two lanes, not three: on two cores a third left the suite's JVM restarts (ShutdownIT) timing out; two leave about a
# quarter of the cores idle, mostly while tests wait on faults.
ORDER=(injector-service/controller cli safety-service analysis-service devstack hypothesis-service catalog-service
  injector-service/dataplane console-service schemas service-kit agent demo-target)

# Every module that builds a jar, from the poms (so a new module is never silently left out).
modules_with_code() {
  find . -name pom.xml -not -path '*/target/*' -not -path './.git/*' -print0 | while IFS= read -r -d '' pom; do
    grep -q '<packaging>pom</packaging>' "$pom" || dirname "${pom#./}"
  done | sort
}

rm -rf "$logs"
mkdir -p "$logs" target
say "phase 1: build (mvn -T 2 install, tests compiled, none run)"
mvn -B -T 2 install -Dtest=NONE -Dit.test=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$logs/build.log" 2>&1 || {
  grep -E '\[ERROR\]' "$logs/build.log" | head -60
  tail -40 "$logs/build.log"
  say "phase 1 failed (whole log: $logs/build.log)"
  exit 1
}
touch target/.faultline-build-stamp
say "phase 1 done in $(elapsed $((SECONDS - started)))"

all="$(modules_with_code)"
if [[ -n "${FAULTLINE_TEST_MODULES:-}" ]]; then # a part of the suite: these modules' tests only (still built whole)
  all="$(tr ' ' '\n' <<<"$FAULTLINE_TEST_MODULES" | grep -v '^$')"
fi
queue="$logs/queue"
: > "$queue"
for module in "${ORDER[@]}"; do
  grep -qx "$module" <<<"$all" && echo "$module" >> "$queue"
done
grep -vxF -f "$queue" <<<"$all" >> "$queue" || true
# Two instances of every service on one stack (cli's ManyInstancesE2EIT, ~2.5 min): an item of its own, so that it
# runs beside the cli module's suite rather than lengthening it; taken after the jobs given with --job.
if grep -qx cli <<<"$all"; then
  extra=""
  [[ $# -eq 0 ]] || extra="$(printf ' %q' "$@")" # (printf with no argument would pass one empty argument)
  jobs[cli-many-instances]="bash scripts/many-instances.sh --built$extra"
  job_names=(cli-many-instances "${job_names[@]}")
fi
for name in "${job_names[@]}"; do
  if [[ $(wc -l < "$queue") -ge 2 ]]; then sed -i "2a job:$name" "$queue"; else echo "job:$name" >> "$queue"; fi
done

# Takes the next module or job off the queue (under a lock: the lanes share it).
next_item() {
  flock "$queue.lock" bash -c 'head -1 "$1"; sed -i 1d "$1"' _ "$queue"
}

report_failure() {
  local log="$1"
  grep -E 'Tests run:.*(Failures: [1-9]|Errors: [1-9])|<<< (FAIL|ERROR)|BUILD FAILURE' "$log" | head -40 || true
  echo "---- last 60 lines of $log"
  tail -60 "$log"
  echo "----"
}

lane() {
  local item name log start status counts
  while item="$(next_item)" && [[ -n "$item" ]]; do
    name="${item#job:}"
    log="$logs/${name//\//-}.log"
    start=$SECONDS
    status=0
    if [[ "$item" == job:* ]]; then
      bash -c "${jobs[$name]}" > "$log" 2>&1 || status=$?
      sed "s/^/[$name] /" "$log" # a job's output is what it shows (the example's verdict through containers)
      counts="job: ${jobs[$name]}"
    else
      mvn -B -pl "$name" surefire:test failsafe:integration-test failsafe:verify "$@" > "$log" 2>&1 || status=$?
      counts="$(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' "$log" | grep -vE ' -+ in ' |
        sed -E 's/^\[[A-Z]+\] //' | paste -sd ';' - || true)"
    fi
    if [[ $status -eq 0 ]]; then
      say "passed  $name in $(elapsed $((SECONDS - start))) (${counts:-no tests})"
    else
      say "FAILED  $name in $(elapsed $((SECONDS - start))) (${counts:-no tests}), log: $log"
      [[ "$item" == job:* ]] || report_failure "$log"
      echo "$name" >> "$logs/failed"
    fi
  done
}

export MAVEN_OPTS="${MAVEN_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
say "phase 2: $lanes lanes over $(wc -l < "$queue") modules and jobs (logs in $logs/)"
pids=()
# each lane in its own process group (job control), so that stopping this script stops the lanes' Maven, test JVMs
# and the stacks those started, not only the lane shells
set -m
stop_lanes() { for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done; }
trap stop_lanes EXIT
trap 'exit 130' INT TERM
for ((i = 1; i <= lanes; i++)); do
  lane "$@" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
trap - EXIT

if [[ -s "$logs/failed" ]]; then
  # why each failed, again at the very end (where a shortened copy of this output keeps it): the failing tests of a
  # module, the last lines of a job (its own message says what failed)
  while read -r name; do
    log="$logs/${name//\//-}.log"
    echo "---- why $name failed ($log)"
    if [[ -n "${jobs[$name]:-}" ]]; then
      tail -25 "$log"
    else
      grep -E '<<< (FAILURE|ERROR)!|^\[ERROR\]   [A-Za-z]' "$log" | head -12 || true
    fi
  done < "$logs/failed"
  say "FAILED in $(elapsed $((SECONDS - started))): $(paste -sd ' ' "$logs/failed")"
  exit 1
fi
say "all modules passed in $(elapsed $((SECONDS - started)))"
