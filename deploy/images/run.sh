#!/usr/bin/env bash
# Runs an image tarball without a container runtime: unpacks its layers into DIR/rootfs (again only when
# the tarball is newer) and runs its entrypoint there, as the image's user, in its working directory,
# with its environment, in new mount and PID namespaces, on the host's network.
#   deploy/images/run.sh IMAGE_TAR DIR [--bind HOST_DIR:DIR]... [--env NAME=VALUE]...
# Needs root (unshare, mount, chroot); runs itself with sudo otherwise. To stop it, signal its one child
# (the entrypoint, PID 1 of the new namespace): unshare itself ignores SIGTERM and SIGINT.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then exec sudo bash "$0" "$@"; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
image="$1" dir="$2"; shift 2
if [ ! -f "$dir/command" ] || [ "$image" -nt "$dir/command" ]; then
  mkdir -p "$dir"
  java -cp "$root/deploy/target/classes:$(cat "$root/deploy/target/images.classpath")" \
    dev.hugginggpt.deploy.images.ImageRootfs "$image" "$dir"
fi
mapfile -t image_options < "$dir/run.args"
mapfile -t command < "$dir/command"
exec unshare --mount --pid --fork --kill-child --mount-proc="$dir/rootfs/proc" \
  "$here/enter.sh" "$dir/rootfs" "${image_options[@]}" "$@" -- "${command[@]}"
