#!/usr/bin/env bash
# Two instances of every service on one local stack (cli's ManyInstancesE2EIT): `faultline stack --instances 2` on
# free ports, every service as its own Kafka principal; the example experiment ends PARTIALLY_HELD with exactly one
# InjectionStarted, InjectionStopped and VerdictIssued on the topics, and both catalog-service instances answer the
# entry, the experiment and the whole catalog identically (a query for a key the other instance owns is forwarded).
#   scripts/many-instances.sh               builds what it needs (mvn -am), then runs it: ~2.5 min for the test alone
#   scripts/many-instances.sh --built [MAVEN OPTIONS]
#                                           runs it on what is built, through the cli pom's `many-instances` failsafe
#                                           execution (reports in cli/target/many-instances-reports): how
#                                           `./faultline test` runs it, as an item of its own beside the module suites
#                                           (scripts/test.sh); prints the test's counts, or the end of its log
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != --built ]]; then
  exec mvn -o -B -pl console-service,cli -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ManyInstancesE2EIT -Dfailsafe.failIfNoSpecifiedTests=false
fi
shift
mkdir -p target/test-logs
log=target/test-logs/cli-many-instances-maven.log
status=0
mvn -B -pl cli failsafe:integration-test@many-instances failsafe:verify@many-instances "$@" > "$log" 2>&1 || status=$?
grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: ' "$log" | grep -E ' in dev\.' || true
if [[ $status -ne 0 ]]; then
  grep -E '<<< (FAILURE|ERROR)!' -A12 "$log" | head -40 || true
  grep -E '^\[ERROR\] [A-Za-z]' "$log" | head -5 || true # Maven's own reason (a goal it cannot run)
  echo "---- last 40 lines of $log"
  tail -40 "$log"
fi
exit $status
