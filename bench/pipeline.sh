#!/usr/bin/env bash
# The pipeline benchmark: starts the broker and the services as separate processes (as deploy/local/up.sh does, on
# free loopback ports and a temporary data directory), drives the gateway over HTTP from a separate load process,
# prints tables (also written to bench/target/pipeline-report.md), and stops everything. Not a test: nothing is
# asserted. Options: bench/pipeline.sh --help (e.g. --executors 4, --scenario overhead,throughput).
# Builds what is missing first (offline if the local Maven repository has everything).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing=0
for module in planner-service selector-service executor-service gateway; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -d deploy/target/kafka-libs ] || missing=1
[ -d bench/target/lib ] && [ -d bench/target/classes ] || missing=1
if [ "$missing" = 1 ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  echo "Building (mvn install -DskipTests)..." >&2
  nice mvn -B -q install -DskipTests >&2
fi

# JAVA_HOME, when set, is the JVM of the broker, the services and the load generator (as in deploy/local/up.sh)
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -Dhg.root="$root" -cp "bench/target/classes:bench/target/lib/*" dev.hugginggpt.bench.PipelineBenchmark "$@"
