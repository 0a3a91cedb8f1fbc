#!/usr/bin/env bash
# The planning benchmark (not a timed test). First TaskBench: plans every case of bench/taskbench-hf/sample.jsonl with
# the embedded planner and prints node F1, edge F1 and NED per plan type, for all cases and for the dev (even ids) and
# held-out (odd ids) halves, plus planning latency. Options are passed on to PlanningBenchmark (--split even|odd,
# --limit N, --planner, --data ...); the plans are written in eval/score.py's PRED format to
# planner-service/target/taskbench/predictions.jsonl. Then the realistic set (bench/realistic/requests.jsonl), per half,
# with the counts of right plans, confidently wrong plans and honest failures; the dev half's misses are listed in
# planner-service/target/realistic-misses.txt. Last the unseen set (bench/realistic/unseen.jsonl) the same way, its dev
# half's misses in planner-service/target/unseen-misses.txt. Then bench/realistic/fresh.jsonl to fresh13.jsonl
# (development sets, all even ids: every miss listed in planner-service/target/fresh*-misses.txt)
# and bench/realistic/blind.jsonl (held out whole, all odd ids). The held-out halves' misses are counted, never listed.
set -euo pipefail
cd "$(dirname "$0")/.."
# The runners live in the planner's test source set (they do not ship in the service): compile both source sets and run
# them on the test classpath.
mvn -B -q -pl planner-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
classpath="planner-service/target/test-classes:planner-service/target/classes:$(cat planner-service/target/bench.classpath)"
run() {
    java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" dev.hugginggpt.planner.bench."$@"
}
run PlanningBenchmark --predictions planner-service/target/taskbench/predictions.jsonl "$@"
echo
run RealisticBenchmark bench/realistic/requests.jsonl planner-service/target/realistic-misses.txt
for set in unseen fresh fresh2 fresh3 fresh4 fresh5 fresh6 fresh7 fresh8 fresh9 fresh10 fresh11 fresh12 fresh13 blind; do
    echo
    run RealisticBenchmark "bench/realistic/$set.jsonl" "planner-service/target/$set-misses.txt"
done
