#!/usr/bin/env bash
# The federation benchmarks. See bench/README.md, "Federation benchmarks".
#
#   bench/federation.sh fanout [--option=value ...]   # = bench/federation-fanout.sh
#   bench/federation.sh inbox  [--option=value ...]   # = bench/federation-inbox.sh
#
# Builds the engine jar (api/target/weft.jar) and the benchmark jar, then runs the benchmark,
# which starts its own embedded PostgreSQL, the engine as a child process and a fleet of fake
# remote servers on 127.1.x.y. All traffic stays on loopback; every loop is bounded in time.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
cd "$ROOT"

case "${1:-}" in
  fanout|inbox|selftest) ;;
  *) echo "usage: bench/federation.sh fanout|inbox [--option=value ...]   (--help for the options)" >&2; exit 2 ;;
esac

# shellcheck source=build-jars.sh
source "$BENCH_DIR/build-jars.sh"

# The fan-out benchmark also times Fedify 1.5.9 (bench/fedify, Node 20) on the same servers.
if [ "${1}" = "fanout" ] && [ ! -d "$BENCH_DIR/fedify/node_modules" ]; then
  if command -v npm >/dev/null; then
    echo ">> installing Fedify for the comparison: npm ci in bench/fedify" >&2
    (cd "$BENCH_DIR/fedify" && npm ci --no-audit --no-fund >&2) || echo "!! npm ci failed: Fedify is not timed" >&2
  else
    echo "!! no npm: Fedify is not timed" >&2
  fi
fi

export WEFT_BENCH_ENGINE_JAR="${WEFT_BENCH_ENGINE_JAR:-$ROOT/api/target/weft.jar}"
export WEFT_BENCH_OUT_DIR="${WEFT_BENCH_OUT_DIR:-$BENCH_DIR/out}"
# shellcheck disable=SC2086  # WEFT_BENCH_JVM_OPTS is a list of JVM options
exec java ${WEFT_BENCH_JVM_OPTS:-} -cp "$BENCH_DIR/target/weft-publish-bench.jar" dev.weft.bench.FederationBench "$@"
