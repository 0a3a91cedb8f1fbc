#!/usr/bin/env bash
# Builds the container images with no container engine and no registry: the two Debian base images
# (base.sh; skipped when up to date) and the four service images (Jib, dev.hugginggpt.deploy.images.ServiceImages):
#   deploy/images/build.sh [--push REGISTRY] [SERVICE...]
# writes deploy/target/images/SERVICE.tar, named hugginggpt/SERVICE:VERSION, which `docker load` and
# `podman load` read; with --push it sends REGISTRY/hugginggpt/SERVICE:VERSION to a registry instead.
# Runs `mvn install -DskipTests` first when a service's target/quarkus-app is missing; after a code
# change, run it yourself (as for deploy/local/up.sh). base.sh needs root or sudo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
"$here/base.sh"
missing=0
for module in gateway planner-service selector-service executor-service; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || missing=1
done
[ -f deploy/target/images.classpath ] || missing=1
if [ "$missing" = 1 ]; then
  echo "Building the services (first run)..."
  mvn -B -q install -DskipTests
fi
java -cp "deploy/target/classes:$(cat deploy/target/images.classpath)" dev.hugginggpt.deploy.images.ServiceImages \
  --root "$root" --bases "$root/.data/images" --out "$root/deploy/target/images" "$@"
