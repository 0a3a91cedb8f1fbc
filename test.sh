#!/usr/bin/env bash
# The test command: unit tests of every module, then the end-to-end tests (real KRaft broker,
# the four services as separate processes).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify "$@"
