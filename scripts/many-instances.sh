#!/usr/bin/env bash
# Two instances of every service on one local stack (cli's ManyInstancesE2EIT): `faultline stack --instances 2` on
# free ports, every service as its own Kafka principal; the example experiment ends PARTIALLY_HELD with exactly one
# InjectionStarted, InjectionStopped and VerdictIssued on the topics, and both catalog-service instances answer the
# entry, the experiment and the whole catalog identically (a query for a key the other instance owns is forwarded).
#   scripts/many-instances.sh      # ~5 min on the 2 shared cores under load (303 s for the test), plus the build
# Not part of `./faultline test` (a second whole stack would push .ci/run past its 30 minutes); the per-service
# guarantees run there: TwoInjectorsIT, TwoCatalogsIT, TwoAnalysesIT.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -o -B -pl console-service,cli -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ManyInstancesE2EIT -Dfailsafe.failIfNoSpecifiedTests=false
