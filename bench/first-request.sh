#!/usr/bin/env bash
# First request against warm: starts the stack with deploy/local/up.sh (on a temporary data directory and free-looking
# ports), sends the README's Bonjour request as soon as up.sh calls the stack ready, then the same request again
# --warm times, one at a time, and prints each request's time at the client and the first against the warm median.
# Stops the stack. Not a test: nothing is asserted.
#   bench/first-request.sh [--warm N] [--runs N] [--port-base P]
# Each run starts a fresh stack (a new data directory), so --runs 3 gives three first requests. HG_WARM_UP_REQUESTS=0
# (passed on to up.sh) measures a stack that sends none before it is called ready. FIRST_REQUEST_EVENTS=FILE keeps the
# first request's event stream (FILE.RUN), which shows when each service saw it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warm=10 runs=1 base=28080
while [ $# -gt 0 ]; do
  case "$1" in
    --warm) warm=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --port-base) base=$2; shift 2 ;;
    *) echo "usage: bench/first-request.sh [--warm N] [--runs N] [--port-base P]" >&2; exit 64 ;;
  esac
done
body='{"messages":[{"role":"user","content":"Read this sentence aloud and tell me what language it is: '"'"'Bonjour tout le monde'"'"'"}]}'

one_request() { # prints the seconds the request took; fails unless it is DONE
  local out
  out=$(curl -fsS -o /tmp/first-request.$$.json -w '%{time_total}' -X POST "http://127.0.0.1:$base/v1/chat" \
    -H 'Content-Type: application/json' -d "$body")
  grep -q '"status":"DONE"' /tmp/first-request.$$.json || { echo "not DONE: $(head -c 600 /tmp/first-request.$$.json)" >&2; return 1; }
  echo "$out"
  timeline > "/tmp/first-request.$$.$1.txt"
}

# Where the time went, from the request view: planning, then each task's start and end, then the last change (the
# answer), in ms after the gateway accepted the request.
timeline() {
  jq -r 'def ms: (sub("\\.[0-9]+Z$"; "Z") | fromdate) * 1000 + ((capture("\\.(?<f>[0-9]+)Z$").f // "0") + "00" | .[0:3] | tonumber);
    (.createdAt | ms) as $t0
    | "planning \(.planningMillis) ms; " + ([.tasks[] | "\(.task) \((.startedAt | ms) - $t0)-\((.finishedAt | ms) - $t0) ms"] | join("; "))
      + "; last change \((.updatedAt | ms) - $t0) ms"' /tmp/first-request.$$.json 2>/dev/null || echo "(no timeline)"
}

for run in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  HG_DATA_DIR="$data" GATEWAY_PORT=$base PLANNER_PORT=$((base + 1)) SELECTOR_PORT=$((base + 2)) \
    EXECUTOR_PORT=$((base + 3)) KAFKA_PORT=$((base + 10)) "$root/deploy/local/up.sh" > "$data/up.out" 2>&1 &
  up=$!
  for _ in $(seq 1 480); do
    grep -q "is ready in" "$data/up.out" && break
    kill -0 "$up" 2>/dev/null || { cat "$data/up.out" >&2; exit 1; }
    sleep 0.25
  done
  ready_line=$(grep "is ready in" "$data/up.out" || true)
  [ -n "$ready_line" ] || { echo "the stack did not start" >&2; tail -20 "$data/up.out" >&2; kill "$up"; exit 1; }
  first=$(one_request first)
  first_id=$(jq -r .id /tmp/first-request.$$.json)
  curl -fsS "http://127.0.0.1:$base/v1/requests/$first_id/events" > "/tmp/first-request.$$.events" || true
  times=()
  for _ in $(seq 1 "$warm"); do times+=("$(one_request warm)"); done
  kill "$up"; wait "$up" 2>/dev/null || true
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
  echo "run $run: ${ready_line#HuggingGPT is } ($(grep -h "^warm-up" "$data/up.out" || echo "no warm-up requests"))"
  echo "  first request ${first} s; the next $warm: $(printf '%s ' "${times[@]}")"
  echo "  first: $(cat /tmp/first-request.$$.first.txt)"
  echo "  last:  $(cat /tmp/first-request.$$.warm.txt)"
  if [ -n "${FIRST_REQUEST_EVENTS:-}" ]; then cp "/tmp/first-request.$$.events" "$FIRST_REQUEST_EVENTS.$run"; fi
  awk -v f="$first" -v m="$median" 'BEGIN { printf "  first %.2f s, warm median %.2f s, first / warm = %.2f\n", f, m, f / m }'
  rm -rf "$data"
done
rm -f /tmp/first-request.$$.*
