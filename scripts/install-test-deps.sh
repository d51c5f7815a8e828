#!/usr/bin/env bash
# Installs what the integration and end-to-end tests start on 127.0.0.1: a real OCI registry, git servers
# (git daemon is part of git; smart HTTP via lighttpd + git-http-backend; sshd), etcd, and the
# kube-apiserver/kubectl binaries and helm, built from the Go module proxy (cached, see scripts/kube-binaries.sh
# and scripts/helm-binary.sh).
# Idempotent: packages already present are not touched, cached binaries are reused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

packages=(docker-registry apache2-utils lighttpd lighttpd-mod-openssl openssh-server etcd-server etcd-client gnupg)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "[install-test-deps] installing: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # the packages' own services are not started (policy-rc.d); the tests start their own on free ports
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x "$here/kube-binaries.sh" ]; then
  "$here/kube-binaries.sh"
fi
# helm for the chart tests (HelmChartIT, ChartOperatorFlagsIT, ChartDryRunIT): built once from the Go module proxy
"$here/helm-binary.sh" >/dev/null
echo "[install-test-deps] ready"
