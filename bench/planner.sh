#!/usr/bin/env bash
# The planning benchmark: plans every TaskBench case (bench/taskbench-hf/sample.jsonl) with the
# embedded planner and prints node F1, edge F1 and NED per plan type plus planning latency.
# Options are passed on to PlanningBenchmark (--split even|odd, --limit N, --planner, --data ...).
# The plans are written in eval/score.py's PRED format to planner-service/target/taskbench/predictions.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl planner-service -am compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "planner-service/target/classes:$(cat planner-service/target/bench.classpath)" \
    dev.hugginggpt.planner.bench.PlanningBenchmark \
    --predictions planner-service/target/taskbench/predictions.jsonl "$@"
