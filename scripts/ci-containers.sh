#!/usr/bin/env bash
# What CI runs through Docker, as one job beside the test suite's lanes (`./faultline test --job
# containers='bash scripts/ci-containers.sh --prepared target/prepare-docker.status'`), on what the suite's build phase
# built (nothing is rebuilt: the lanes run services from those target/ directories):
#   1. `./faultline compose demo`: the example experiment through docker-compose.yml (three brokers, the registry,
#      Cassandra, the six services, the demo system, the host agent) to its verdict, which must be PARTIALLY_HELD,
#      and a host fault (pricing's JVM paused by the agent container) stopped COMPLETED with the agent's verified
#      removal, then `compose down` (also when it fails);
#   2. the same integration tests against containers: Kafka through Testcontainers' Kafka module on the
#      faultline/devstack image, the schema registry and Cassandra as containers (the suite runs them on the embedded
#      devstack): test goals only, with their own failsafe reports (target/failsafe-containers).
# Docker comes from scripts/prepare-docker.sh: run here, or, with --prepared FILE, already started by the caller,
# which writes its exit status to FILE when done.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == --prepared ]]; then
  prepared="$2"
  echo "waiting for Docker to be prepared ($prepared)"
  until [[ -s "$prepared" ]]; do sleep 2; done
  if [[ "$(cat "$prepared")" != 0 ]]; then
    cat target/prepare-docker.log 2>/dev/null || true
    echo "preparing Docker failed (status $(cat "$prepared"))"
    exit 1
  fi
else
  bash scripts/prepare-docker.sh
  deploy/docker/build-images.sh prometheus
fi

trap './faultline compose down >/dev/null 2>&1 || true' EXIT
./faultline compose demo
# the example's true outcome through the containers, not merely a verdict: ABORTED (a refused rehearsal, a lost
# controller) would mean the containers did not carry the run
grep -q '^\*\*Verdict: PARTIALLY_HELD\.\*\*' target/compose/demo.out \
  || { echo "compose demo: the example did not end PARTIALLY_HELD (target/compose/demo.out)"; exit 1; }
./faultline compose down
trap - EXIT

cleanup_testcontainers() {
  # no Ryuk here (it is an image to pull): remove anything a failed test left behind
  local leftovers
  leftovers="$(/usr/bin/docker ps -aq --filter label=org.testcontainers)"
  [[ -z "$leftovers" ]] || /usr/bin/docker rm -f $leftovers >/dev/null
}
trap cleanup_testcontainers EXIT
mvn -B -pl devstack,schemas,safety-service failsafe:integration-test failsafe:verify \
  -Dfaultline.devstack=containers -Dfaultline.failsafe.reports=target/failsafe-containers \
  -Dit.test='DevstackImageIT,SerdeAgainstRegistryIT,StreamsExactlyOnceRoundTripIT,CassandraProbeHistoryIT' \
  -Dfailsafe.failIfNoSpecifiedTests=false
