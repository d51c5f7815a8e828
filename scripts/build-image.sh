#!/usr/bin/env bash
# Builds the operator's container image tarball with Jib (no Docker daemon) and checks it (ContainerImageIT:
# entrypoint, JVM flags, user 65532, ports, volumes, the application and the JRE in the layers).
#   scripts/build-image.sh             offline: on a JRE base assembled from the local JDK (scripts/jre-base-image.sh),
#                                      linux/amd64 only; what CI runs
#   scripts/build-image.sh --release   on the configured base image (operator/pom.xml jib.base.image, default
#                                      eclipse-temurin:17-jre) for linux/amd64 and linux/arm64; needs that registry
#   extra arguments go to Maven, e.g. -Djib.target.image=registry.example.com/iao:1.0 or -Djib.base.image=...
# Output: operator/target/image-automation-image.tar (load it with `docker load -i` or `podman load -i`).
set -euo pipefail
cd "$(dirname "$0")/.."
base_args=()
if [ "${1:-}" = "--release" ]; then
  shift
  offline=()
else
  base=$(scripts/jre-base-image.sh)
  base_args=("-Djib.base.image=tar://$(pwd)/$base" "-Djib.from.platforms=linux/amd64")
  offline=()   # resolving Maven plugins may need the network; the base image does not
fi
exec mvn -B "${offline[@]}" -pl operator -Pimage verify "${base_args[@]}" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ContainerImageIT "$@"
