#!/usr/bin/env bash
# The publish load benchmark, in one command. See bench/README.md.
#
#   bench/publish-load.sh                          # 1, 8, 32 clients; 5 s warm-up + 20 s per phase
#   bench/publish-load.sh --duration=5 --warmup=2  # a quick run
#   WEFT_BENCH_LEVELS=8 bench/publish-load.sh      # knobs are env variables or --arguments
#
# Builds the engine jar (api/target/weft.jar) and the benchmark jar, then runs the benchmark,
# which starts its own embedded PostgreSQL and the engine as a child process.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
cd "$ROOT"

# shellcheck source=build-jars.sh
source "$BENCH_DIR/build-jars.sh"

export WEFT_BENCH_ENGINE_JAR="${WEFT_BENCH_ENGINE_JAR:-$ROOT/api/target/weft.jar}"
export WEFT_BENCH_OUT_DIR="${WEFT_BENCH_OUT_DIR:-$BENCH_DIR/out}"
# shellcheck disable=SC2086  # WEFT_BENCH_JVM_OPTS is a list of JVM options
exec java ${WEFT_BENCH_JVM_OPTS:-} -jar "$BENCH_DIR/target/weft-publish-bench.jar" "$@"
