#!/usr/bin/env bash
# Regenerates the committed CRDs (crds/*.yml, crds/optional/*.yml and the Helm chart's copy) from the Java
# model in operator/src/main/java/dev/imageautomation/api/v1. Run it after changing the model; CrdDriftTest
# fails until you do. Offline by default; pass extra Maven flags as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl operator test -Dtest=CrdDriftTest -Dsurefire.failIfNoSpecifiedTests=false -Dcrds.update=true "$@"
git status --short -- crds charts/image-automation-operator/files/crds 2>/dev/null || true
