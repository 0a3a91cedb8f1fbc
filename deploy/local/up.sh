#!/usr/bin/env bash
# Runs the whole system on this machine: a KRaft Kafka broker and the four services as separate
# processes (two executors). Builds what is missing. Ctrl-C stops everything.
#   deploy/local/up.sh            gateway on http://localhost:8080
# Environment: GATEWAY_PORT, KAFKA_PORT, EXECUTORS (default 2), HG_LLM_BASE_URL / HG_LLM_API_KEY / HG_LLM_MODEL,
# HG_JVM_OPTS (the services' JVM options), JAVA_HOME (the JVM of the broker and the services; else java on the PATH).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="${HG_DATA_DIR:-$root/.data}"
kafka_port="${KAFKA_PORT:-9092}"
gateway_port="${GATEWAY_PORT:-8080}"
executors="${EXECUTORS:-2}"
started=$(date +%s.%N)
mkdir -p "$data/logs"

missing=0
for jar in planner-service selector-service executor-service gateway; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -d deploy/target/kafka-libs ] || missing=1
if [ "$missing" = 1 ]; then
  echo "Building (first run)..."
  mvn -B -q install -DskipTests
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  deploy/local/kafka.sh stop "$data/kafka"
  echo "Stopped."
}
trap stop_all INT TERM EXIT

deploy/local/kafka.sh start "$data/kafka" "$kafka_port"

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port"
export HG_RESOURCES_DIR="${HG_RESOURCES_DIR:-$data/resources}"
read -r -a java_opts <<< "${HG_JVM_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

start_service() { # name port jar [env...]
  local name=$1 port=$2 module=$3; shift 3
  env "$@" "$java_bin" "${java_opts[@]}" -Dquarkus.http.port="$port" -jar "$module/target/quarkus-app/quarkus-run.jar" \
    > "$data/logs/$name.log" 2>&1 &
  pids+=($!)
  echo "$name: pid $! port $port log $data/logs/$name.log"
}

start_service planner 8081 planner-service
start_service selector 8082 selector-service
for i in $(seq 1 "$executors"); do
  start_service "executor-$i" $((8082 + i)) executor-service HG_EXECUTOR_ID="executor-$i"
done
if [ -n "${HG_API_KEYS:-}" ]; then
  gateway_env=(HG_API_KEYS="$HG_API_KEYS")
else
  gateway_env=(QUARKUS_PROFILE=local)
  echo "HG_API_KEYS is not set: the gateway runs with API keys off (local profile), for this machine only."
fi
start_service gateway "$gateway_port" gateway "${gateway_env[@]}"

ports=(8081 8082 "$gateway_port")
for i in $(seq 1 "$executors"); do ports+=($((8082 + i))); done
for port in "${ports[@]}"; do
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; then break; fi
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null || { echo "service on port $port is not ready; see $data/logs" >&2; exit 1; }
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
cat <<MSG

HuggingGPT is ready in ${elapsed%.*} s: http://localhost:$gateway_port  (OpenAPI: http://localhost:$gateway_port/q/openapi)
Try:
  curl -s -X POST localhost:$gateway_port/v1/chat -H 'Content-Type: application/json' \\
    -d '{"messages":[{"role":"user","content":"Read this sentence aloud and tell me what language it is: '"'"'Bonjour tout le monde'"'"'"}]}'
Press Ctrl-C to stop.
MSG
wait "${pids[@]}"
