#!/usr/bin/env bash
# Soak test (not part of `mvn verify`): bounded mixed good, bad and faulty traffic through an in-process proxy and
# loopback fake vendors for SECONDS (default 300), printing every 15 s the answers so far and the heap after a
# collection, RSS, threads and open files; it fails on any answer outside the expected ones or a growing heap.
#
#   bench/soak.sh          # 5 minutes
#   bench/soak.sh 60       # 1 minute
#   SEED=42 bench/soak.sh  # another traffic mix
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
log=integration-tests/target/soak.log
mkdir -p integration-tests/target
VOXGATE_QUIET_JDK=1 bin/mvn -q verify -pl integration-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SoakRun -Dvoxgate.soak.seconds="$seconds" -Dvoxgate.soak.seed="${SEED:-8}" 2>&1 \
  | tee "$log" | grep --line-buffered -E '^soak:'
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  grep -E 'FAIL|ERROR\]|expected|Expecting' "$log" | head -40
  echo "soak failed (exit $status); the whole output is in $log"
fi
exit "$status"
