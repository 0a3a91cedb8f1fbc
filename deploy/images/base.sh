#!/usr/bin/env bash
# The base images of the service images, made from Debian packages with debootstrap (no container
# engine, no image registry):
#   jre       Debian 12 minbase, openjdk-17-jre-headless, ca-certificates, user hg (uid 185), /deployments
#   executor  jre + the programs of the local models (executor-packages)
# Each is an image tarball (docker-archive: manifest.json, config.json, one gzipped layer) that Jib reads
# as a base image (tar://...) and that `docker load` / `podman load` accept.
#   deploy/images/base.sh [OUT_DIR]     default .data/images (outside target/, so `mvn clean` keeps it)
# A tarball is rebuilt only when its key changes: the suite, its package list and this script. Needs root
# (else it runs itself with sudo) and debootstrap (installed with apt-get when missing). Packages come
# from the Debian mirror the host's apt uses; DEBIAN_MIRROR overrides it.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then exec sudo --preserve-env=DEBIAN_MIRROR,DEBIAN_SECURITY_MIRROR bash "$0" "$@"; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/.data/images}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
work="$out/work"
suite=bookworm
jre_packages=(openjdk-17-jre-headless ca-certificates)
mapfile -t model_packages < <(grep -Ev '^[[:space:]]*(#|$)' "$here/executor-packages")

# The URI the host's apt takes a suite from (one-line .list or deb822 .sources files).
host_mirror() { # SUITE
  {
    sed -E 's/\[[^]]*\]//' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk -v s="$1" '$1 == "deb" && $3 == s { print $2 }'
    awk -v s="$1" 'BEGIN { RS = "" } {
        uri = ""; hit = 0; off = 0; n = split($0, line, "\n")
        for (i = 1; i <= n; i++) {
          m = split(line[i], f, /[ \t]+/)
          if (f[1] == "URIs:") uri = f[2]
          if (f[1] == "Suites:") for (j = 2; j <= m; j++) if (f[j] == s) hit = 1
          if (f[1] == "Enabled:" && f[2] == "no") off = 1
        }
        if (hit && !off && uri != "") print uri
      }' /etc/apt/sources.list.d/*.sources 2>/dev/null
  } | sed -n 1p
}
mirror="${DEBIAN_MIRROR:-$(host_mirror "$suite")}"
security_mirror="${DEBIAN_SECURITY_MIRROR:-$(host_mirror "$suite-security")}"

key_of() { sha256sum | cut -c1-16; }
jre_key=$({ echo "$suite"; printf '%s\n' "${jre_packages[@]}"; cat "$here/base.sh" "$here/enter.sh"; } | key_of)
executor_key=$({ echo "$jre_key"; printf '%s\n' "${model_packages[@]}"; } | key_of)
fresh() { [ -f "$out/$1.tar" ] && [ "$(cat "$out/$1.key" 2>/dev/null)" = "$2" ]; }

log="$out/base.log"
logged() { # COMMAND...: its output goes to the log, which is shown if it fails
  "$@" >> "$log" 2>&1 || { echo "failed: $*; the end of $log:" >&2; tail -40 "$log" >&2; exit 1; }
}

in_root() { # ROOTFS COMMAND...: as root inside the root filesystem, with a /proc and /dev of its own
  logged unshare --mount --pid --fork --kill-child --mount-proc="$1/proc" "$here/enter.sh" "$1" \
    --env PATH=/usr/sbin:/usr/bin:/sbin:/bin --env DEBIAN_FRONTEND=noninteractive --env LANG=C.UTF-8 -- "${@:2}"
}

write_sources() { # ROOTFS
  {
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    [ -z "$security_mirror" ] || echo "deb $security_mirror $suite-security main"
  } > "$1/etc/apt/sources.list"
}

# What an image does not need at run time. The copyright files stay, as the packages' licenses ask.
strip_rootfs() { # ROOTFS
  local r=$1
  # the build machine's mirror: the image is rebuilt, never updated in place
  rm -f "$r/etc/apt/sources.list" "$r"/etc/apt/sources.list.d/*
  rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/* "$r"/var/cache/debconf/*-old "$r"/var/lib/dpkg/*-old \
    "$r"/var/log/* "$r"/tmp/* "$r"/tmp/.[!.]* "$r"/root/.[!.]* \
    "$r"/usr/share/man "$r"/usr/share/info "$r"/usr/share/lintian
  find "$r/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$r/usr/share/locale" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
  # the runtime provides name resolution; these are what debootstrap copied from the build machine
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$r/etc/hosts"
  : > "$r/etc/resolv.conf"
  rm -f "$r/etc/hostname"
}

# Writes OUT/NAME.tar: the root filesystem as one layer, and the image configuration.
pack() { # NAME ROOTFS KEY PACKAGES
  local name=$1 r=$2 key=$3 packages=$4 dir="$work/$1-image"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$r" && tar --create --file "$dir/layer.tar" --numeric-owner --sort=name \
     --anchored --exclude='dev/*' --exclude='proc/*' --exclude='sys/*' -- $(ls -A))
  local diff_id layer_bytes
  diff_id=$(sha256sum "$dir/layer.tar" | cut -d' ' -f1)
  layer_bytes=$(stat -c %s "$dir/layer.tar")
  gzip -6n "$dir/layer.tar"
  local arch java_home created
  arch=$(dpkg --print-architecture)
  java_home=$(cd "$r" && echo usr/lib/jvm/java-17-openjdk-*)
  created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  cat > "$dir/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"User":"185","WorkingDir":"/deployments",
   "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/$java_home","LANG=C.UTF-8","HOME=/home/hg"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/images/base.sh: debootstrap --variant=minbase $suite; $packages"}]}
JSON
  echo "[{\"Config\":\"config.json\",\"RepoTags\":[\"hugginggpt/$name-base:$key\"],\"Layers\":[\"layer.tar.gz\"]}]" > "$dir/manifest.json"
  tar --create --file "$out/$name.tar.tmp" --directory "$dir" manifest.json config.json layer.tar.gz
  mv "$out/$name.tar.tmp" "$out/$name.tar"
  dpkg-query --admindir="$r/var/lib/dpkg" -W -f '${Package} ${Version}\n' > "$out/$name.packages"
  echo "$key" > "$out/$name.key"
  printf '%s: %d packages, %d MiB unpacked, %d MiB tarball, built in %d s\n' "$name" \
    "$(wc -l < "$out/$name.packages")" $((layer_bytes >> 20)) $(($(stat -c %s "$out/$name.tar") >> 20)) \
    $((SECONDS - started)) | tee "$out/$name.txt"
}

build_jre() {
  local r="$work/jre"
  logged debootstrap --variant=minbase --include="$(IFS=,; echo "${jre_packages[*]}")" "$suite" "$r" "$mirror"
  write_sources "$r"
  in_root "$r" apt-get update -qq
  in_root "$r" apt-get upgrade -y -qq   # the point-release and security updates since the suite's release
  in_root "$r" groupadd --system --gid 185 hg
  in_root "$r" useradd --system --uid 185 --gid 185 --home-dir /home/hg --create-home --shell /usr/sbin/nologin hg
  install -d -o 185 -g 185 "$r/deployments"
  strip_rootfs "$r"
  pack jre "$r" "$jre_key" "${jre_packages[*]}"
}

build_executor() {
  local r="$work/executor"
  mkdir -p "$r"
  tar --extract --file "$out/jre.tar" --to-stdout layer.tar.gz | tar --extract --gzip --numeric-owner --directory "$r"
  write_sources "$r"
  in_root "$r" apt-get update -qq
  in_root "$r" apt-get install -y -qq --no-install-recommends "${model_packages[@]}"
  strip_rootfs "$r"
  pack executor "$r" "$executor_key" "${jre_packages[*]} ${model_packages[*]}"
}

# Unmounts whatever a failed step left mounted in the work directory, then removes it.
clean_work() {
  grep -o " $work/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf --one-file-system "$work"
}
trap clean_work EXIT

if fresh jre "$jre_key" && fresh executor "$executor_key"; then
  cat "$out/jre.txt" "$out/executor.txt"
  echo "base images are up to date in $out"
  exit 0
fi
[ -n "$mirror" ] || { echo "no Debian mirror for $suite in the host's apt sources; set DEBIAN_MIRROR" >&2; exit 1; }
if ! command -v debootstrap > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap debian-archive-keyring
fi
clean_work
mkdir -p "$work"
: > "$log"
started=$SECONDS
fresh jre "$jre_key" || build_jre
started=$SECONDS
fresh executor "$executor_key" || build_executor
# when run through sudo, the files belong to whoever asked for them
[ -z "${SUDO_UID:-}" ] || chown -R "$SUDO_UID:$SUDO_GID" "$out"
echo "base images in $out"
