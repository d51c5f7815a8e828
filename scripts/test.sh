#!/usr/bin/env bash
# The whole test suite: unit tests, integration tests against real servers, end-to-end tests against a
# real kube-apiserver. Installs the test servers first when they are missing (see install-test-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
export AWS_EC2_METADATA_DISABLED=true
exec mvn -B -ntp verify "$@"
