#!/usr/bin/env bash
# A real single-node KRaft Kafka broker run from the Kafka jars on Maven Central (no Docker).
#   kafka.sh start [DATA_DIR] [PORT] [CONTROLLER_PORT]   format storage if new, start, create topics, wait until ready
#   kafka.sh stop  [DATA_DIR]                             stop the broker of DATA_DIR and wait until it has exited
#   kafka.sh cluster-id                                   print a fresh cluster id
# CONTROLLER_PORT defaults to PORT + 1. Ready means registered, unfenced and leading every partition (BrokerReady.java),
# not just listening. A start after an unclean stop (kill -9) finds the pid file stale and the log directory's lock
# possibly still held by the exiting process: it waits for that process to be gone, and starts a broker only when none
# of DATA_DIR runs.
# The jars come from `mvn -pl deploy package` (deploy/target/kafka-libs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="${KAFKA_LIBS:-$root/deploy/target/kafka-libs}"
cmd="${1:-start}"
data="$(realpath -m "${2:-$root/.data/kafka}")"
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

# The pid in the pid file, if that process is still the broker of this data directory: a pid file outlives a kill -9,
# and its pid may since have gone to any other process.
recorded_broker() {
  local pid
  pid="$(cat "$data/kafka.pid" 2>/dev/null)" || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$data/server.properties"; then
    echo "$pid"
  fi
}

# The pids holding the lock a broker takes on its log directory (/proc/locks names the file by device and inode). A
# broker killed with -9 holds it until its exit has closed its files, after its command line is already gone; the
# .lock file itself stays and means nothing.
lock_holders() {
  local lock="$data/log/.lock" dev inode
  [ -f "$lock" ] || return 0
  read -r dev inode < <(stat -c '%D %i' "$lock")
  dev=$((16#$dev))
  awk -v key="$(printf '%02x:%02x:%s' $(((dev >> 8) & 0xfff)) $(((dev & 0xff) | ((dev >> 12) & 0xfff00))) "$inode")" \
    '{ for (i = 2; i <= NF; i++) if ($i == key) print $(i - 1) }' /proc/locks | sort -u
}

# Waits until no process holds the log directory (up to 30 s).
await_released() {
  local holders
  for _ in $(seq 1 120); do
    holders="$(lock_holders)"
    [ -z "$holders" ] && return 0
    sleep 0.25
  done
  echo "$data/log is still locked by pid $(echo $holders) after 30 s: another broker uses this data directory" >&2
  return 1
}

# Waits until the broker serves (BrokerReady.java) and has the topics.
await_ready() { # pid
  kafka_java "$here/BrokerReady.java" "127.0.0.1:$port" 120 "$1" "${topics[@]}" >> "$data/logs/ready.log" 2>&1 || {
    echo "Kafka (pid $1) is not ready; see $data/logs/ready.log and $data/logs/server.log" >&2
    tail -3 "$data/logs/ready.log" >&2
    return 1
  }
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
# One node is controller and broker. After an unclean stop (kill -9) its broker registration is still live in the
# metadata log, and the restarted controller grants that old registration a fresh session: the new broker is refused
# (DUPLICATE_BROKER_REGISTRATION) until the session times out. 4 s instead of 9 s bounds that wait; the broker
# heartbeats (and retries its registration) every second instead of every 2 s, so four beats may be missed before the
# controller fences it.
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000
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
  local running; running="$(recorded_broker)"
  if [ -n "$running" ]; then
    echo "Kafka already running (pid $running) on 127.0.0.1:$port"
    if await_ready "$running"; then return; fi
    if kill -0 "$running" 2>/dev/null; then exit 1; fi
    echo "it has exited; starting it again"
  fi
  await_released || exit 1
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
  local pid=$! started; started=$(date +%s.%N)
  echo "$pid" > "$data/kafka.pid"
  # the check starts with the broker, so that its JVM starts while the broker's does
  if ! await_ready "$pid"; then
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Kafka exited during start; see $data/logs/server.out" >&2
      tail -20 "$data/logs/server.out" >&2
    fi
    exit 1
  fi
  echo "Kafka ready on 127.0.0.1:$port in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" \
    "(pid $pid, data $data)"
}

stop() {
  local pid; pid="$(recorded_broker)"
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$data/kafka.pid"
  await_released
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  cluster-id) cluster_id ;;
  *) echo "usage: kafka.sh start|stop [DATA_DIR] [PORT] [CONTROLLER_PORT] | kafka.sh cluster-id" >&2; exit 2 ;;
esac
