#!/usr/bin/env bash
# A real single-node KRaft Kafka broker run from the Kafka jars on Maven Central (no Docker).
#   kafka.sh start [DATA_DIR] [PORT] [CONTROLLER_PORT]   format storage if new, start, wait until ready, create topics
#   kafka.sh stop  [DATA_DIR]
#   kafka.sh cluster-id                                   print a fresh cluster id
# CONTROLLER_PORT defaults to PORT + 1.
# The jars come from `mvn -pl deploy package` (deploy/target/kafka-libs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="${KAFKA_LIBS:-$root/deploy/target/kafka-libs}"
cmd="${1:-start}"
data="${2:-$root/.data/kafka}"
port="${3:-9092}"
controller_port="${4:-$((port + 1))}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

topics=("hg.requests:4" "hg.plans:4" "hg.tasks:8" "hg.task-results:4" "hg.events:4" "hg.outcomes:4" "hg.executors:1" "hg.dead-letters:4")

kafka_java() {
  "$java_bin" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/kafka-log4j2.properties" -Dkafka.logs.dir="$data/logs" \
    -cp "$libs/*" "$@"
}

listening() { # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

ready() {
  listening "$port"
}

# A cluster id: 16 random bytes in unpadded URL-safe base64 (what StorageTool random-uuid prints, without a JVM). One
# starting with '-' would be read as an option by StorageTool's argument parser (1 draw in 64), so draw again.
cluster_id() {
  local id="-"
  while [[ "$id" == -* ]]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c 1-22)"
  done
  echo "$id"
}

start() {
  if [ ! -d "$libs" ]; then
    echo "Kafka jars not found in $libs; run: mvn -B -pl deploy package" >&2
    exit 1
  fi
  mkdir -p "$data/logs"
  cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data/log
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
# One broker on a small machine: two network and two request threads instead of 3 and 8 (less contention
# with the services for the same cores).
num.network.threads=2
num.io.threads=2
PROPS
  if [ ! -f "$data/log/meta.properties" ]; then
    kafka_java kafka.tools.StorageTool format -t "$(cluster_id)" \
      -c "$data/server.properties" > "$data/logs/format.log" 2>&1 \
      || { echo "formatting the storage failed; see $data/logs/format.log" >&2; tail -5 "$data/logs/format.log" >&2; exit 1; }
  fi
  if [ -f "$data/kafka.pid" ] && kill -0 "$(cat "$data/kafka.pid")" 2>/dev/null; then
    echo "Kafka already running (pid $(cat "$data/kafka.pid")) on 127.0.0.1:$port"
    return
  fi
  # something else answering on our ports would pass for this broker (or make it exit): refuse to start
  local taken
  for taken in "$port" "$controller_port"; do
    if listening "$taken"; then
      echo "port $taken on 127.0.0.1 is already in use; choose other ports (kafka.sh start DATA_DIR PORT CONTROLLER_PORT)" >&2
      exit 1
    fi
  done
  # java itself in the background (not the shell function), so that $! is the broker's pid and stop kills it
  "$java_bin" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/kafka-log4j2.properties" -Dkafka.logs.dir="$data/logs" \
    -cp "$libs/*" kafka.Kafka "$data/server.properties" > "$data/logs/server.out" 2>&1 &
  echo $! > "$data/kafka.pid"
  for _ in $(seq 1 120); do
    if ready; then break; fi
    if ! kill -0 "$(cat "$data/kafka.pid")" 2>/dev/null; then
      echo "Kafka exited during start; see $data/logs/server.out" >&2
      tail -20 "$data/logs/server.out" >&2
      exit 1
    fi
    sleep 0.5
  done
  ready || { echo "Kafka did not open port $port in 60 s" >&2; exit 1; }
  kafka_java "$here/CreateTopics.java" "127.0.0.1:$port" "${topics[@]}" >> "$data/logs/topics.log" 2>&1 \
    || { echo "creating the topics failed; see $data/logs/topics.log" >&2; tail -5 "$data/logs/topics.log" >&2; exit 1; }
  echo "Kafka ready on 127.0.0.1:$port (pid $(cat "$data/kafka.pid"), data $data)"
}

stop() {
  if [ -f "$data/kafka.pid" ]; then
    local pid; pid="$(cat "$data/kafka.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$data/kafka.pid"
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  cluster-id) cluster_id ;;
  *) echo "usage: kafka.sh start|stop [DATA_DIR] [PORT] [CONTROLLER_PORT] | kafka.sh cluster-id" >&2; exit 2 ;;
esac
