#!/usr/bin/env bash
# Proves the images work in a container engine, as deploy/compose/compose.yaml runs them on one host: loads the five
# image tarballs into Docker (docker load; nothing is pulled), brings the compose project up (the broker, the planner,
# the selector, two executors, the gateway; the resource store a volume shared by the gateway and the executors),
# waits until every container's health check passes, sends the README's request through the gateway with an API key
# from an env file, checks that it is DONE with a WAV that espeak-ng made in an executor container and the gateway
# serves, and that the language is French, then takes the project down with its volumes.
#   deploy/images/smoke.sh [IMAGES_DIR]      default deploy/target/images (deploy/images/build.sh)
# Environment: GATEWAY_PORT (the gateway's port on 127.0.0.1, default 18080). Needs a Docker engine that answers and
# `docker compose` or Debian's docker-compose, and jq. Prints the load times, each container's seconds from `up` to
# healthy and its memory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
images="${1:-$root/deploy/target/images}"
gateway_port="${GATEWAY_PORT:-18080}"
project="hg-smoke-$$"
work="$root/.data/compose-smoke"
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
docker info > /dev/null 2>&1 || { echo "no Docker engine answers (docker info)" >&2; exit 1; }
for image in kafka planner-service selector-service executor-service gateway; do
  [ -f "$images/$image.tar" ] || { echo "no $images/$image.tar; run deploy/images/build.sh" >&2; exit 1; }
done
rm -rf "$work" && mkdir -p "$work"
echo "HG_API_KEYS=smoke-key=smoke" > "$work/hugginggpt.env"
export HG_ENV_FILE="$work/hugginggpt.env" GATEWAY_ADDRESS=127.0.0.1 GATEWAY_PORT="$gateway_port"
up=("${compose[@]}" -p "$project" -f "$root/deploy/compose/compose.yaml")

down() {
  trap - EXIT
  "${up[@]}" logs --no-color > "$work/compose.log" 2>&1 || true
  "${up[@]}" down -v --timeout 20 > /dev/null 2>&1 || true
}
trap down EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for image in kafka planner-service selector-service executor-service gateway; do
  started=$(now)
  docker load -q -i "$images/$image.tar" > /dev/null
  echo "$image: docker load in $(seconds_since "$started") s ($(($(stat -c %s "$images/$image.tar") >> 20)) MiB)"
done

started=$(now)
"${up[@]}" up -d 2>&1 | sed 's/^/  /'
declare -A healthy
containers=$("${up[@]}" ps -q)
for _ in $(seq 1 480); do
  for id in $containers; do
    name=$(docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}}' "$id")
    [ -n "${healthy[$name]:-}" ] && continue
    status=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id")
    case "$status" in
      healthy) healthy[$name]=$(seconds_since "$started"); echo "$name: healthy ${healthy[$name]} s after up" ;;
      unhealthy|exited|dead) echo "$name is $status; its log:" >&2; docker logs --tail 40 "$id" >&2; exit 1 ;;
    esac
  done
  [ ${#healthy[@]} -eq $(wc -w <<< "$containers") ] && break
  sleep 0.5
done
[ ${#healthy[@]} -eq $(wc -w <<< "$containers") ] || { echo "not every container became healthy in 4 min" >&2; exit 1; }

started=$(now)
curl -fsS -X POST "http://127.0.0.1:$gateway_port/v1/chat" -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer smoke-key' \
  -d '{"messages":[{"role":"user","content":"Read this sentence aloud and tell me what language it is: '"'"'Bonjour tout le monde'"'"'"}]}' \
  > "$work/answer.json"
echo "request: answered in $(seconds_since "$started") s"
jq -r '.answer.text // .answer' "$work/answer.json" | sed 's/^/  /'

fail() { echo "FAILED: $*" >&2; jq . "$work/answer.json" >&2; exit 1; }
[ "$(jq -r .status "$work/answer.json")" = DONE ] || fail "the request is not DONE"
speech=$(jq -c '[.tasks[] | select(.task == "text-to-speech")][0]' "$work/answer.json")
[ "$(jq -r .status <<< "$speech")" = SUCCEEDED ] || fail "text-to-speech did not succeed"
[ "$(jq -r .model <<< "$speech")" = local/espeak-ng ] || fail "text-to-speech did not run espeak-ng"
case "$(jq -r .executor <<< "$speech")" in executor-1|executor-2) ;; *) fail "text-to-speech did not run in an executor container" ;; esac
wav_id=$(jq -r '.output.resources[0].id' <<< "$speech")
curl -fsS -H 'Authorization: Bearer smoke-key' "http://127.0.0.1:$gateway_port/v1/resources/$wav_id" -o "$work/speech.wav"
[ "$(head -c 4 "$work/speech.wav")" = RIFF ] && [ "$(tail -c +9 "$work/speech.wav" | head -c 4)" = WAVE ] \
  || fail "resource $wav_id is not a WAV file"
language=$(jq -r '[.tasks[] | select(.task == "text-classification")][0].output.text' "$work/answer.json")
[ "$language" = French ] || fail "the language is not French"
echo "speech: $wav_id, $(stat -c %s "$work/speech.wav") bytes of WAV from espeak-ng in $(jq -r .executor <<< "$speech")," \
  "served by the gateway from the shared volume; language: $language"
echo "memory:"
docker stats --no-stream --format '  {{.Name}} {{.MemUsage}}' $containers
echo "compose smoke test passed"
