#!/usr/bin/env bash
# Faults in Faultline itself: the reliability suite (cli's ReliabilityIT). One local stack (Kafka, registry, Cassandra,
# the data plane, the demo target and the six services as processes, as `faultline stack` starts them, on free ports);
# per scenario the example experiment (storefront → pricing blackholed for 12 s) with one part of Faultline broken two
# seconds into the fault: each service killed with SIGKILL in turn and restarted, the data plane killed and restarted,
# the injector's link to the data plane blackholed, Cassandra killed and kept down for 30 s, the Kafka broker killed and
# restarted on its ports and log directory. After each: no fault left on the data plane, the experiment final within
# 120 s, its events counted on every faultline.* topic as the auditor (exactly one proposal, draft, approval,
# clearance, start, stop and verdict; evidence batches contiguous, none twice, as many as the stop announced; no event
# id twice) and its verdict reproduced by `faultline replay`.
#   scripts/reliability.sh        # 11–13 min on the 2 shared cores (load 12–28): 2–4 min of building, 9–10 of suite
# Writes the table of outcomes to cli/target/reliability.md (and prints it); exit status non-zero when a scenario failed.
# Builds this checkout's modules in the Maven reactor (nothing installed) and runs only ReliabilityIT.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -pl console-service,cli -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
  -Dit.test=ReliabilityIT -Dfailsafe.failIfNoSpecifiedTests=false)
status=0
mvn -o "${args[@]}" || status=$?
if [[ -f cli/target/reliability.md ]]; then
  cat cli/target/reliability.md
fi
exit "$status"
