#!/usr/bin/env bash
# Puts Google's MediaPipe TFLite models (Apache-2.0) into the executor's classes, from the npm packages that ship
# them: called by the build (executor-service/pom.xml, generate-resources), nothing to run by hand.
#   @mediapipe/pose                  pose_landmark_full.tflite, and pose_solution_packed_assets.data, which is
#                                    exactly the person detector pose_detection.tflite (its loader js maps bytes
#                                    0..2962288, the whole file, to .../pose_detection/pose_detection.tflite)
#   @mediapipe/selfie_segmentation   selfie_segmentation.tflite (the general 256x256 model)
# npm pack checks each tarball against the registry's integrity hash; this script also checks it against the hash
# pinned below. Does nothing when the models are already there, so builds stay fast and work offline afterwards
# (npm keeps the tarballs in its cache, and --prefer-offline uses them).
# Usage: mediapipe-models.sh <classes dir> <work dir>
set -euo pipefail
classes="$1"
work="$2"
out="$classes/models/mediapipe"
models=(pose_detection.tflite pose_landmark_full.tflite selfie_segmentation.tflite)

present=true
for m in "${models[@]}"; do [ -s "$out/$m" ] || present=false; done
if $present; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: npm is not installed, and the build needs it to fetch the MediaPipe models of executor-service" >&2
  echo "       (npm pack of @mediapipe/pose and @mediapipe/selfie_segmentation). Install Node.js with npm" >&2
  echo "       (Debian: apt-get install nodejs npm), then build again." >&2
  exit 1
fi

mkdir -p "$work" "$out"
# package@version, its sha512 integrity, and "file in the package=file in $out" pairs
fetch() {
  local spec="$1" integrity="$2"
  shift 2
  local tarball
  tarball="$(cd "$work" && npm pack --prefer-offline --silent "$spec" | tail -n 1)"
  local actual
  actual="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512")
      .update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$work/$tarball")"
  if [ "$actual" != "$integrity" ]; then
    echo "ERROR: $spec: tarball integrity $actual, expected $integrity" >&2
    exit 1
  fi
  local pair
  for pair in "$@"; do
    tar -xzOf "$work/$tarball" "package/${pair%%=*}" > "$out/${pair##*=}.tmp"
    mv "$out/${pair##*=}.tmp" "$out/${pair##*=}"
  done
  rm -f "$work/$tarball"
  echo "MediaPipe models from $spec -> $out"
}

fetch @mediapipe/pose@0.5.1675469404 \
  'sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ==' \
  pose_solution_packed_assets.data=pose_detection.tflite pose_landmark_full.tflite=pose_landmark_full.tflite
fetch @mediapipe/selfie_segmentation@0.1.1675465747 \
  'sha512-IxYxNhwE5VwOm52L1yoFWYLP7q9Pd+NJjzOC5tlepfvEGaY3o9hslhUrx9BgseqdfZtKSDtd/4NfCSMjNzQalA==' \
  selfie_segmentation.tflite=selfie_segmentation.tflite

# the detector must be a whole TFLite flatbuffer: 2962288 bytes, "TFL3" at offset 4
if [ "$(stat -c %s "$out/pose_detection.tflite")" != 2962288 ] \
    || [ "$(dd if="$out/pose_detection.tflite" bs=1 skip=4 count=4 2>/dev/null)" != TFL3 ]; then
  echo "ERROR: pose_solution_packed_assets.data is not the expected pose_detection.tflite" >&2
  rm -f "$out/pose_detection.tflite"
  exit 1
fi
