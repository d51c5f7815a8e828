#!/usr/bin/env bash
# Builds the helm CLI from the Go module proxy (there is no other source on these machines) into a cache
# directory, once per machine; later runs reuse it. Prints the binary's path.
#   HELM_VERSION      pinned version (default below)
#   HELM_BINARY_DIR   where to put it (default ~/.cache/image-automation/helm/<version>)
set -euo pipefail
version=${HELM_VERSION:-v3.22.0}
dir=${HELM_BINARY_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/image-automation/helm/$version}
if [ -x "$dir/helm" ]; then
  echo "$dir/helm"
  exit 0
fi
command -v go >/dev/null || { echo "helm-binary: the Go toolchain is needed to build helm" >&2; exit 1; }
mkdir -p "$dir"
start=$(date +%s)
echo "helm-binary: building helm $version (first time on this machine)" >&2
GOBIN="$dir" GOFLAGS=-mod=mod nice -n 5 go install \
  -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$version" \
  "helm.sh/helm/v3/cmd/helm@$version" >&2
echo "helm-binary: built in $(( $(date +%s) - start )) s" >&2
echo "$dir/helm"
