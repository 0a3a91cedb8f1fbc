#!/usr/bin/env bash
# Runs the whole system on this machine: a KRaft Kafka broker and the four services as separate
# processes (two executors). Builds what is missing. Ctrl-C stops everything.
#   deploy/local/up.sh            gateway on http://localhost:8080
# Environment: HG_DATA_DIR (broker data, logs, resources, pid files; default .data), GATEWAY_PORT, PLANNER_PORT,
# SELECTOR_PORT, EXECUTOR_PORT (the first executor's; the next ones count up), KAFKA_PORT (and KAFKA_PORT + 1 for its
# controller), EXECUTORS (default 2), HG_LLM_BASE_URL / HG_LLM_API_KEY / HG_LLM_MODEL, HG_API_KEYS, HG_JVM_OPTS (the
# services' JVM options), JAVA_HOME (the JVM of the broker and the services; else java on the PATH).
# Each service's health checks and metrics are on its management port, its port + 1000, on 127.0.0.1 only; the API
# ports listen on 127.0.0.1 too, except the gateway's when HG_API_KEYS is set (then it takes calls from other machines).
# A run that was not stopped (its processes killed, the machine reset) leaves pid files in HG_DATA_DIR/pids: the next
# run on that directory stops whatever of it still runs before it starts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="$(realpath -m "${HG_DATA_DIR:-$root/.data}")"
kafka_port="${KAFKA_PORT:-9092}"
gateway_port="${GATEWAY_PORT:-8080}"
planner_port="${PLANNER_PORT:-8081}"
selector_port="${SELECTOR_PORT:-8082}"
executor_port="${EXECUTOR_PORT:-8083}"
executors="${EXECUTORS:-2}"
started=$(date +%s.%N)
mkdir -p "$data/logs" "$data/pids"

missing=0
for jar in planner-service selector-service executor-service gateway; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -d deploy/target/kafka-libs ] || missing=1
if [ "$missing" = 1 ]; then
  echo "Building (first run)..."
  mvn -B -q install -DskipTests
fi

# Every service this script starts carries this in its command line: a pid file whose process lacks it names some
# other process now (pids are reused), which is left alone.
marker="-Dhg.launched-by=$data"
ours() { # pid
  tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$marker"
}

# Stops the services and the broker that an earlier run on this data directory left running, and waits until they
# have exited: killed with -9, its launcher never stopped them.
stop_leftovers() {
  local file pid left=()
  for file in "$data"/pids/*.pid; do
    [ -f "$file" ] || continue
    pid="$(cat "$file")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && ours "$pid"; then
      echo "stopping $(basename "$file" .pid) (pid $pid), left running by an earlier run"
      kill "$pid" 2>/dev/null || true
      left+=("$pid")
    fi
    rm -f "$file"
  done
  for pid in "${left[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
  deploy/local/kafka.sh stop "$data/kafka"
}

# A port still taken once the leftovers are gone belongs to a process that is still exiting (killed a moment ago), or to
# something else: wait a little for the first, name the port for the second.
await_free() { # port variable
  for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || return 0
    sleep 0.25
  done
  echo "port $1 on 127.0.0.1 is in use by another program; stop it or set $2" >&2
  exit 1
}

stop_leftovers
ports=("$planner_port" "$selector_port" "$gateway_port")
port_names=(PLANNER_PORT SELECTOR_PORT GATEWAY_PORT)
for i in $(seq 1 "$executors"); do ports+=($((executor_port + i - 1))); port_names+=(EXECUTOR_PORT); done
for i in "${!ports[@]}"; do
  await_free "${ports[$i]}" "${port_names[$i]}"
  await_free $((ports[$i] + 1000)) "${port_names[$i]} (its management port is 1000 above it)"
done

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$data"/pids/*.pid
  deploy/local/kafka.sh stop "$data/kafka"
  echo "Stopped."
}
trap stop_all INT TERM EXIT

deploy/local/kafka.sh start "$data/kafka" "$kafka_port"

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port"
export HG_RESOURCES_DIR="${HG_RESOURCES_DIR:-$data/resources}"
read -r -a java_opts <<< "${HG_JVM_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

declare -A service_pid service_port
start_service() { # name port host jar [env...]
  local name=$1 port=$2 host=$3 module=$4; shift 4
  env "$@" "$java_bin" "$marker" "${java_opts[@]}" -Dquarkus.http.host="$host" -Dquarkus.http.port="$port" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$((port + 1000)) \
    -jar "$module/target/quarkus-app/quarkus-run.jar" > "$data/logs/$name.log" 2>&1 &
  pids+=($!)
  service_pid[$name]=$!
  service_port[$name]=$port
  echo $! > "$data/pids/$name.pid"
  echo "$name: pid $! port $port (health and metrics $((port + 1000))) log $data/logs/$name.log"
}

start_service planner "$planner_port" 127.0.0.1 planner-service
start_service selector "$selector_port" 127.0.0.1 selector-service
for i in $(seq 1 "$executors"); do
  start_service "executor-$i" $((executor_port + i - 1)) 127.0.0.1 executor-service HG_EXECUTOR_ID="executor-$i"
done
if [ -n "${HG_API_KEYS:-}" ]; then
  start_service gateway "$gateway_port" 0.0.0.0 gateway HG_API_KEYS="$HG_API_KEYS"
else
  echo "HG_API_KEYS is not set: the gateway runs with API keys off (local profile), on 127.0.0.1 only."
  start_service gateway "$gateway_port" 127.0.0.1 gateway QUARKUS_PROFILE=local
fi

ready() { curl -fs "http://127.0.0.1:$(($1 + 1000))/q/health/ready" > /dev/null 2>&1; }
for name in "${!service_port[@]}"; do
  port="${service_port[$name]}"
  for _ in $(seq 1 240); do
    ready "$port" && break
    kill -0 "${service_pid[$name]}" 2>/dev/null || break
    sleep 0.5
  done
  if ! ready "$port"; then
    echo "$name (port $port) is not ready; the end of $data/logs/$name.log:" >&2
    tail -20 "$data/logs/$name.log" >&2
    exit 1
  fi
done
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
cat <<MSG

HuggingGPT is ready in $elapsed s: http://localhost:$gateway_port  (OpenAPI: http://localhost:$gateway_port/q/openapi)
Try:
  curl -s -X POST localhost:$gateway_port/v1/chat -H 'Content-Type: application/json' \\
    -d '{"messages":[{"role":"user","content":"Read this sentence aloud and tell me what language it is: '"'"'Bonjour tout le monde'"'"'"}]}'
Press Ctrl-C to stop.
MSG
wait "${pids[@]}"
