#!/usr/bin/env bash
# Runs a command inside an unpacked image root filesystem, giving it what a container runtime would:
# a minimal /dev, the host's name resolution files, bind mounts, a user, a working directory and a
# clean environment. Meant as the child of `unshare --mount --pid --fork --mount-proc=ROOT/proc`: every
# mount made here belongs to that private mount namespace and disappears with it.
#   enter.sh ROOT [--bind HOST_DIR:DIR]... [--user UID:GID] [--workdir DIR] [--env NAME=VALUE]... -- COMMAND...
set -euo pipefail
root="$1"; shift
user=0:0 workdir=/ binds=() env=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bind) binds+=("$2"); shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --workdir) workdir="$2"; shift 2 ;;
    --env) env+=("$2"); shift 2 ;;
    --) shift; break ;;
    *) echo "enter.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "enter.sh: no command" >&2; exit 2; }

mount -t tmpfs -o nosuid,mode=755 dev "$root/dev"
for node in null zero full random urandom tty; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir -p "$root/dev/shm" && mount -t tmpfs -o nosuid,nodev,mode=1777 shm "$root/dev/shm"
mkdir -p "$root/dev/pts" && mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
for file in /etc/resolv.conf /etc/hosts; do
  if [ -f "$file" ]; then
    [ -e "$root$file" ] || touch "$root$file"
    mount --bind -o ro "$file" "$root$file"
  fi
done
for bind in "${binds[@]}"; do
  mkdir -p "$root${bind#*:}"
  mount --bind "${bind%%:*}" "$root${bind#*:}"
done
exec chroot --userspec="$user" "$root" /usr/bin/env -i -C "$workdir" "${env[@]}" "$@"
