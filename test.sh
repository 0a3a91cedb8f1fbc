#!/usr/bin/env bash
# The test command: unit tests of every module, then the end-to-end tests (real KRaft broker,
# the four services as separate processes). The image models' tests read real photographs that
# testkit/test-photos.sh takes from a Debian package (once; cached).
set -euo pipefail
cd "$(dirname "$0")"
HG_TEST_PHOTOS="$(testkit/test-photos.sh)"
export HG_TEST_PHOTOS
exec mvn -B verify "$@"
