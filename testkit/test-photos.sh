#!/usr/bin/env bash
# Real photographs for the model tests, taken from Debian packages rather than committed: scikit-image's sample
# data (python3-skimage, BSD-3-Clause; astronaut.png is NASA's public-domain portrait of Eileen Collins, camera.png
# the classic cameraman) and three of OpenCV's sample images (opencv-doc, OpenCV's licence: basketball1.png and
# basketball2.png, a man standing upright, whole body in view, for the HOG people detector; messi5.jpg, a footballer
# mid-kick). Only the .debs are downloaded (no install, no root needed) and the photos extracted to HG_TEST_PHOTOS
# (default ~/.cache/hugginggpt/test-photos). Prints that folder. Does nothing when the photos are already there.
set -euo pipefail
dir="${HG_TEST_PHOTOS:-$HOME/.cache/hugginggpt/test-photos}"
skimage=(astronaut.png camera.png)
opencv=(basketball1.png basketball2.png messi5.jpg)
have() {
  local f
  for f in "$@"; do [ -f "$dir/$f" ] || return 1; done
}
if have "${skimage[@]}" "${opencv[@]}"; then
  echo "$dir"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
download() {
  (cd "$work" && apt-get download "$1" >/dev/null 2>"$work/apt.err") || {
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    (cd "$work" && apt-get download "$1" >/dev/null 2>"$work/apt.err") || { cat "$work/apt.err" >&2; exit 1; }
  }
}
mkdir -p "$dir"
if ! have "${skimage[@]}"; then
  download python3-skimage
  dpkg-deb -x "$work"/python3-skimage_*.deb "$work/x"
  cp "$work"/x/usr/lib/python3/dist-packages/skimage/data/*.{png,jpg} "$dir"/
fi
if ! have "${opencv[@]}"; then
  # a large documentation package (~95 MB): only the three photos are extracted from it
  download opencv-doc
  data=./usr/share/doc/opencv-doc/examples/data
  mkdir -p "$work/y"
  dpkg-deb --fsys-tarfile "$work"/opencv-doc_*.deb | tar -x -C "$work/y" "${opencv[@]/#/$data/}"
  cp "${opencv[@]/#/$work/y/$data/}" "$dir"/
fi
echo "$dir"
