#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd for ONE pinned Kubernetes release from the Go module proxy and caches
# them, so the end-to-end tests can start a real API server on machines without Docker.
#
# Why a wrapper module: k8s.io/kubernetes cannot be `go install`ed because its go.mod replaces the k8s.io/*
# staging modules with local paths. A generated temporary module requires k8s.io/kubernetes at the pinned
# release and replaces every staging module named in that release's go.mod with the published
# k8s.io/<name> v0.<minor>.<patch>; etcd is built the same way from go.etcd.io/etcd/server/v3.
#
# Output: $KUBE_BINARIES_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/image-automation/kube/<version>/) holding
# kube-apiserver, kubectl and etcd. Reused when present; the directory is printed on the last line of stdout.
# Needs: go (>= the go directive of the pinned release), network access to the Go module proxy on first run.
# Env: KUBE_VERSION / ETCD_VERSION override the pins (the cache dir follows KUBE_VERSION); KUBE_BUILD_JOBS
# caps parallel compilation (default: all cores, at low priority); KUBECONFIG_E2E set (the tests then use that
# cluster) skips the build.
set -euo pipefail

KUBE_VERSION=${KUBE_VERSION:-v1.37.2}
ETCD_VERSION=${ETCD_VERSION:-v3.7.0}
out=${KUBE_BINARIES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/image-automation/kube/$KUBE_VERSION}
log() { echo "[kube-binaries] $*" >&2; }

cached() { # every binary present, executable, and stamped with the expected version
  [ -x "$out/kube-apiserver" ] && [ -x "$out/kubectl" ] && [ -x "$out/etcd" ] &&
    [ "$(cat "$out/VERSION" 2>/dev/null)" = "kubernetes=$KUBE_VERSION etcd=$ETCD_VERSION" ]
}
if cached; then
  log "cached: kubernetes $KUBE_VERSION, etcd $ETCD_VERSION"
  echo "$out"
  exit 0
fi
if [ -n "${KUBECONFIG_E2E:-}" ]; then
  log "KUBECONFIG_E2E is set: the tests use that cluster, nothing to build"
  exit 0
fi
command -v go >/dev/null || { log "go is required to build the Kubernetes test binaries (go.dev/doc/install)"; exit 1; }
# one build at a time per cache directory; a second caller waits and then finds the binaries cached
mkdir -p "$(dirname "$out")"
exec 9>"$out.lock"
flock 9
if cached; then echo "$out"; exit 0; fi

minor_patch=${KUBE_VERSION#v1.}            # 37.2
staging_version=v0.$minor_patch            # the staging modules are published as v0.<minor>.<patch>
work=$(mktemp -d "${TMPDIR:-/tmp}/kube-binaries.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 GOWORK=off
build_flags=(-trimpath)
[ -n "${KUBE_BUILD_JOBS:-}" ] && build_flags+=(-p "$KUBE_BUILD_JOBS")
mkdir -p "$work/bin"
start=$(date +%s)

# --- kube-apiserver + kubectl -------------------------------------------------------------------------
log "building kube-apiserver and kubectl $KUBE_VERSION (first time: many minutes)"
mkdir "$work/kube" && cd "$work/kube"
go mod init image-automation.test/kube-binaries >/dev/null 2>&1
info=$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION")
kube_gomod=$(sed -n 's/.*"GoMod": "\(.*\)",*/\1/p' <<<"$info")
[ -f "$kube_gomod" ] || { log "could not download k8s.io/kubernetes@$KUBE_VERSION"; exit 1; }
staging=$(sed -n 's#^[[:space:]]*\(k8s.io/[^ ]*\) => \./staging/src/.*#\1#p' "$kube_gomod")
[ -n "$staging" ] || { log "no staging replacements found in $kube_gomod"; exit 1; }
edits=(-require "k8s.io/kubernetes@$KUBE_VERSION")
for m in $staging; do edits+=(-replace "$m=$m@$staging_version"); done
go mod edit "${edits[@]}"
# `--version` reports the release: stamp it into component-base (the servers) and client-go (kubectl). The module
# proxy knows the release time but usually not the commit, which then stays empty rather than a placeholder.
commit=$(sed -n 's/.*"Hash": "\([0-9a-f]\{40\}\)".*/\1/p' <<<"$info" | head -1)
released=$(sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' "$(sed -n 's/.*"Info": "\(.*\)",*/\1/p' <<<"$info")")
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor_patch%%.*}"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.gitCommit=$commit -X $pkg.buildDate=${released:-unknown}"
done
nice -n 10 go build "${build_flags[@]}" -ldflags "$ldflags" -o "$work/bin/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kubectl
log "kube-apiserver and kubectl built in $(($(date +%s) - start)) s"

# --- etcd -------------------------------------------------------------------------------------------------
etcd_start=$(date +%s)
log "building etcd $ETCD_VERSION"
mkdir "$work/etcd" && cd "$work/etcd"
go mod init image-automation.test/etcd-binary >/dev/null 2>&1
# etcd's server module is a main package whose go.mod replaces its sibling modules with local paths: pin
# the siblings to the same release instead
edits=(-require "go.etcd.io/etcd/server/v3@$ETCD_VERSION")
for m in api/v3 client/pkg/v3 client/v3 pkg/v3; do
  edits+=(-replace "go.etcd.io/etcd/$m=go.etcd.io/etcd/$m@$ETCD_VERSION")
done
go mod edit "${edits[@]}"
nice -n 10 go build "${build_flags[@]}" -ldflags "-s -w" -o "$work/bin/etcd" go.etcd.io/etcd/server/v3
log "etcd built in $(($(date +%s) - etcd_start)) s"

# --- publish atomically -------------------------------------------------------------------------------
"$work/bin/kube-apiserver" --version >&2
"$work/bin/etcd" --version | head -1 >&2
mkdir -p "$out"
for b in kube-apiserver kubectl etcd; do mv -f "$work/bin/$b" "$out/$b.tmp" && mv -f "$out/$b.tmp" "$out/$b"; done
echo "kubernetes=$KUBE_VERSION etcd=$ETCD_VERSION" >"$out/VERSION"
log "done in $(($(date +%s) - start)) s"
echo "$out"
