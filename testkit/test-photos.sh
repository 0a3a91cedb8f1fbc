#!/usr/bin/env bash
# Real photographs for the model tests, taken from a Debian package rather than committed: scikit-image's sample
# data (python3-skimage, BSD-3-Clause; astronaut.png is NASA's public-domain portrait of Eileen Collins, camera.png
# the classic cameraman). Only the .deb is downloaded (no install, no root needed) and its data folder extracted to
# HG_TEST_PHOTOS (default ~/.cache/hugginggpt/test-photos). Prints that folder. Does nothing when it is already there.
set -euo pipefail
dir="${HG_TEST_PHOTOS:-$HOME/.cache/hugginggpt/test-photos}"
if [ -f "$dir/astronaut.png" ] && [ -f "$dir/camera.png" ]; then
  echo "$dir"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-skimage >/dev/null 2>"$work/apt.err") || {
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  (cd "$work" && apt-get download python3-skimage >/dev/null 2>"$work/apt.err") || { cat "$work/apt.err" >&2; exit 1; }
}
dpkg-deb -x "$work"/python3-skimage_*.deb "$work/x"
mkdir -p "$dir"
cp "$work"/x/usr/lib/python3/dist-packages/skimage/data/*.{png,jpg} "$dir"/
echo "$dir"
