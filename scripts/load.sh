#!/usr/bin/env bash
# Load (issue 12, part 5): cli's LoadIT. One local stack (as `faultline stack` starts it, on free ports), 20 quote
# services declared as targets (each a demo-target shipping JVM behind a data-plane proxy of its own to the carrier),
# and 20 experiments in flight at once, one per target, proposed, reviewed and cleared over the services' HTTP APIs
# as the CLI does it (alice proposes, bob reviews; staging needs no approver for them), until N have been proposed;
# each a 5 s NETWORK_BLACKHOLE of its carrier link (template quotes-dependency-unreachable). Checked: every experiment
# ends with a verdict, 20 in flight at once, no toxic and no lease left on the data plane, and on every faultline.*
# topic, counted as the auditor, exactly one of each milestone per experiment. Figures from the events' own times:
# experiments per hour and per-stage p50/p99, with the load average during the run.
#   scripts/load.sh [--experiments 40] [--in-flight 20] [--fault-seconds 5]
# Writes cli/target/load.md (and prints it); exit status non-zero when a check failed.
# Builds this checkout's modules in the Maven reactor (nothing installed) and runs only LoadIT.
set -euo pipefail
cd "$(dirname "$0")/.."
experiments=40
in_flight=20
fault_seconds=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --experiments) experiments="$2"; shift 2 ;;
    --in-flight) in_flight="$2"; shift 2 ;;
    --fault-seconds) fault_seconds="$2"; shift 2 ;;
    *) echo "usage: scripts/load.sh [--experiments N] [--in-flight M] [--fault-seconds S]" >&2; exit 2 ;;
  esac
done
args=(-B -pl console-service,cli -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
  -Dit.test=LoadIT -Dfailsafe.failIfNoSpecifiedTests=false
  -Dfaultline.load.experiments="$experiments" -Dfaultline.load.in-flight="$in_flight"
  -Dfaultline.load.fault-seconds="$fault_seconds")
rm -f cli/target/load.md
status=0
mvn -o "${args[@]}" || status=$?
if [[ -f cli/target/load.md ]]; then
  cat cli/target/load.md
fi
exit "$status"
