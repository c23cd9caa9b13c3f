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

if [ "${WEFT_BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo ">> building the engine jar: ./mvnw -q -Dmaven.test.skip=true package" >&2
  if ! ./mvnw -q -Dmaven.test.skip=true package; then
    echo "!! the engine build failed; fix it, or run with WEFT_BENCH_SKIP_BUILD=1 to bench the existing" \
         "api/target/weft.jar as it is" >&2
    exit 1
  fi
fi
if [ "${WEFT_BENCH_SKIP_BUILD:-0}" != "1" ] || [ ! -f "$BENCH_DIR/target/weft-publish-bench.jar" ]; then
  echo ">> building the benchmark: ./mvnw -q -f bench/pom.xml package" >&2
  ./mvnw -q -f bench/pom.xml package
fi

export WEFT_BENCH_ENGINE_JAR="${WEFT_BENCH_ENGINE_JAR:-$ROOT/api/target/weft.jar}"
export WEFT_BENCH_OUT_DIR="${WEFT_BENCH_OUT_DIR:-$BENCH_DIR/out}"
# shellcheck disable=SC2086  # WEFT_BENCH_JVM_OPTS is a list of JVM options
exec java ${WEFT_BENCH_JVM_OPTS:-} -cp "$BENCH_DIR/target/weft-publish-bench.jar" dev.weft.bench.FederationBench "$@"
