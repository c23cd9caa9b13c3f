#!/usr/bin/env bash
# Checks docker/compose.yaml with Docker itself and builds the image, where a Docker daemon
# answers; elsewhere says so and succeeds (ComposeFileTest, run by ./mvnw verify, reads the
# file without Docker). Run from anywhere; .ci/run calls it after ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "docker/check.sh: no Docker daemon here; compose.yaml was validated by ComposeFileTest only, the image was not built"
  exit 0
fi

# compose refuses the file without these (${VAR:?...}); stand-ins for this check only, never a
# deployment's values. The key is base64 of 32 zero bytes, the length the engine demands.
export WEFT_ENCRYPTION_KEY="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
export WEFT_OPERATOR_TOKEN="docker-check-only"

if ! docker compose version >/dev/null 2>&1; then
  echo "docker/check.sh: Docker has no compose plugin here; compose.yaml was validated by ComposeFileTest only, the image was not built"
  exit 0
fi
echo "docker/check.sh: docker compose -f docker/compose.yaml config -q"
docker compose -f docker/compose.yaml config -q
echo "docker/check.sh: docker compose -f docker/compose.yaml build"
docker compose -f docker/compose.yaml build
echo "docker/check.sh: compose.yaml is valid and the image weft:local was built"
