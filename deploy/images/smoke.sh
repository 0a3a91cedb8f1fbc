#!/usr/bin/env bash
# Proves the service images work, without a container runtime: starts the KRaft broker
# (deploy/local/kafka.sh), runs the four image tarballs with run.sh on the host's network (the gateway
# and the executor share one resource store directory, mounted at /data/resources in both), waits until
# each is ready, sends one request through the gateway and checks that it is DONE with a WAV that
# espeak-ng made inside the executor image and that the gateway serves.
#   deploy/images/smoke.sh [IMAGES_DIR]      default deploy/target/images (deploy/images/build.sh)
# Environment: KAFKA_PORT (19092), GATEWAY_PORT, PLANNER_PORT, SELECTOR_PORT, EXECUTOR_PORT (the images'
# 8080-8083; each service's health checks and metrics are 1000 above, as in the images). Needs root (runs itself
# with sudo otherwise) and jq. Stops everything it started, always.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env=KAFKA_PORT,GATEWAY_PORT,PLANNER_PORT,SELECTOR_PORT,EXECUTOR_PORT bash "$0" "$@"
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
images="${1:-$root/deploy/target/images}"
work="$root/.data/image-smoke"
kafka_port="${KAFKA_PORT:-19092}"
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# name, image, port variable the service reads, port
services=(
  "planner-service PLANNER_PORT ${PLANNER_PORT:-8081}"
  "selector-service SELECTOR_PORT ${SELECTOR_PORT:-8082}"
  "executor-service EXECUTOR_PORT ${EXECUTOR_PORT:-8083}"
  "gateway GATEWAY_PORT ${GATEWAY_PORT:-8080}"
)
gateway_port="${GATEWAY_PORT:-8080}"
for service in "${services[@]}"; do
  set -- $service
  [ -f "$images/$1.tar" ] || { echo "no $images/$1.tar; run deploy/images/build.sh" >&2; exit 1; }
  for port in "$3" $(($3 + 1000)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port ($1) is in use" >&2; exit 1; fi
  done
done

pids=()
stop_all() {
  trap - EXIT
  local pid child
  # each pid is an unshare whose one child is the service's java, PID 1 of its namespace: when it
  # exits, the kernel ends the rest of the namespace and its mounts go with it
  for pid in "${pids[@]}"; do
    for child in $(cat "/proc/$pid/task/$pid/children" 2>/dev/null); do kill -TERM "$child" 2>/dev/null || true; done
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    for child in $(cat "/proc/$pid/task/$pid/children" 2>/dev/null); do kill -KILL "$child" 2>/dev/null || true; done
    wait "$pid" 2>/dev/null || true
  done
  "$root/deploy/local/kafka.sh" stop "$work/kafka"
  if grep -q " $work/" /proc/mounts; then
    echo "mounts left under $work:" >&2; grep " $work/" /proc/mounts >&2; exit 1
  fi
  rm -rf --one-file-system "$work"/*/rootfs   # 2 GB; the logs and the answer stay
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf --one-file-system "$work"
mkdir -p "$work/logs" "$work/resources"
chown 185:185 "$work/resources"
"$root/deploy/local/kafka.sh" start "$work/kafka" "$kafka_port"

for service in "${services[@]}"; do
  set -- $service
  started=$(now)
  java -cp "$root/deploy/target/classes:$(cat "$root/deploy/target/images.classpath")" \
    dev.hugginggpt.deploy.images.ImageRootfs "$images/$1.tar" "$work/$1" > /dev/null
  echo "$1: unpacked in $(seconds_since "$started") s, $(du -sm "$work/$1/rootfs" | cut -f1) MiB"
done

# what the Kubernetes ConfigMap gives every service, for this machine; -Xmx stands in for the memory
# limit a runtime would set, which MaxRAMPercentage in the entrypoint would follow
common=(--env "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port" --env HG_RESOURCES_DIR=/data/resources
        --env JDK_JAVA_OPTIONS=-Xmx512m)
declare -A launched
for service in "${services[@]}"; do
  set -- $service
  extra=()
  case "$1" in
    executor-service) extra=(--bind "$work/resources:/data/resources" --env HG_EXECUTOR_ID=executor-image) ;;
    # API keys off, as deploy/local/up.sh runs it on a developer's machine
    gateway) extra=(--bind "$work/resources:/data/resources" --env QUARKUS_PROFILE=local) ;;
  esac
  launched[$1]=$(now)
  "$here/run.sh" "$images/$1.tar" "$work/$1" "${common[@]}" --env "$2=$3" --env "QUARKUS_MANAGEMENT_PORT=$(($3 + 1000))" \
    "${extra[@]}" > "$work/logs/$1.log" 2>&1 &
  pids+=($!)
done

i=0
for service in "${services[@]}"; do
  set -- $service
  pid=${pids[$i]}; i=$((i + 1))
  for _ in $(seq 1 360); do
    curl -fs "http://127.0.0.1:$(($3 + 1000))/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! curl -fs "http://127.0.0.1:$(($3 + 1000))/q/health/ready" > /dev/null 2>&1; then
    echo "$1 is not ready; its log:" >&2; tail -40 "$work/logs/$1.log" >&2; exit 1
  fi
  echo "$1: ready on port $3, $(seconds_since "${launched[$1]}") s after launch (the four start together)"
done

started=$(now)
curl -fsS -X POST "http://127.0.0.1:$gateway_port/v1/chat" -H 'Content-Type: application/json' \
  -d '{"messages":[{"role":"user","content":"Read this sentence aloud and tell me what language it is: '"'"'Bonjour tout le monde'"'"'"}]}' \
  > "$work/answer.json"
echo "request: answered in $(seconds_since "$started") s"
jq -r '.answer.text // .answer' "$work/answer.json" | sed 's/^/  /'

fail() { echo "FAILED: $*" >&2; jq . "$work/answer.json" >&2; exit 1; }
[ "$(jq -r .status "$work/answer.json")" = DONE ] || fail "the request is not DONE"
speech=$(jq -c '[.tasks[] | select(.task == "text-to-speech")][0]' "$work/answer.json")
[ "$(jq -r .status <<< "$speech")" = SUCCEEDED ] || fail "text-to-speech did not succeed"
[ "$(jq -r .model <<< "$speech")" = local/espeak-ng ] || fail "text-to-speech did not run espeak-ng"
[ "$(jq -r .executor <<< "$speech")" = executor-image ] || fail "text-to-speech did not run in the executor image"
wav_id=$(jq -r '.output.resources[0].id' <<< "$speech")
curl -fsS "http://127.0.0.1:$gateway_port/v1/resources/$wav_id" -o "$work/speech.wav"
[ "$(head -c 4 "$work/speech.wav")" = RIFF ] && [ "$(tail -c +9 "$work/speech.wav" | head -c 4)" = WAVE ] \
  || fail "resource $wav_id is not a WAV file"
language=$(jq -r '[.tasks[] | select(.task == "text-classification")][0].output.text' "$work/answer.json")
[ "$language" = French ] || fail "the language is not French"
echo "speech: $wav_id, $(stat -c %s "$work/speech.wav") bytes of WAV from espeak-ng in the executor image," \
  "served by the gateway image from the shared store; language: $language"
echo "image smoke test passed"
