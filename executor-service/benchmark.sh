#!/usr/bin/env bash
# Benchmark of the local models (load time, median latency, peak memory), one fresh JVM per model.
# Prints a Markdown table; nothing is asserted. Usage: executor-service/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl executor-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="executor-service/target/test-classes:executor-service/target/classes:protocol/target/classes"
exec java -Djava.awt.headless=true -cp "$cp:$(cat executor-service/target/bench.classpath)" \
    dev.hugginggpt.executor.local.LocalModelBenchmark
