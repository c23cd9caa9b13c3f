#!/usr/bin/env bash
# The replay benchmark. See bench/README.md, "Replay benchmark".
#
#   bench/replay.sh                    # 1,000,000 events
#   bench/replay.sh --events=200000    # a quicker run
#
# Builds the engine jar and the benchmark jar (bench/build-jars.sh; WEFT_BENCH_SKIP_BUILD=1 skips
# both when they exist), compiles the seeder (bench/src/seed) against the engine jar's own classes
# and libraries, then runs dev.weft.bench.ReplayBench: its own embedded PostgreSQL, the seeder and
# then the engine as child processes. Everything stays on 127.0.0.1 and in a temp directory.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
cd "$ROOT"

# shellcheck source=build-jars.sh
source "$BENCH_DIR/build-jars.sh"

ENGINE_JAR="${WEFT_BENCH_ENGINE_JAR:-$ROOT/api/target/weft.jar}"
SEED_CLASSES="$BENCH_DIR/target/seed-classes"
# The seeder runs inside the engine jar (PropertiesLauncher), so it is compiled against exactly
# the classes and libraries packaged in it, not against whatever SNAPSHOT sits in ~/.m2.
echo ">> compiling the seeder against $ENGINE_JAR" >&2
LIBS="$(mktemp -d)"
trap 'rm -rf "$LIBS"' EXIT
(cd "$LIBS" && unzip -q "$ENGINE_JAR" 'BOOT-INF/*')
rm -rf "$SEED_CLASSES" && mkdir -p "$SEED_CLASSES"
javac --release 17 -nowarn -d "$SEED_CLASSES" -cp "$LIBS/BOOT-INF/classes:$LIBS/BOOT-INF/lib/*" \
  $(find "$BENCH_DIR/src/seed/java" -name '*.java')

# shellcheck disable=SC2086  # WEFT_BENCH_JVM_OPTS is a list of JVM options
java ${WEFT_BENCH_JVM_OPTS:-} -cp "$BENCH_DIR/target/weft-publish-bench.jar" dev.weft.bench.ReplayBench \
  --engine-jar="$ENGINE_JAR" --seed-classes="$SEED_CLASSES" --out-dir="${WEFT_BENCH_OUT_DIR:-$BENCH_DIR/out}" "$@"
