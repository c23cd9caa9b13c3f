# Sourced by the benchmark scripts, from the repository root: builds the engine jar
# (api/target/weft.jar) and the benchmark jar, unless WEFT_BENCH_SKIP_BUILD=1 and they exist.
if [ "${WEFT_BENCH_SKIP_BUILD:-0}" != "1" ]; then
  echo ">> building the engine jar: ./mvnw -q -Dmaven.test.skip=true package" >&2
  if ! ./mvnw -q -Dmaven.test.skip=true package; then
    echo "!! the engine build failed; fix it, or run with WEFT_BENCH_SKIP_BUILD=1 to bench the existing" \
         "api/target/weft.jar as it is" >&2
    exit 1
  fi
fi
if [ "${WEFT_BENCH_SKIP_BUILD:-0}" != "1" ] || [ ! -f bench/target/weft-publish-bench.jar ]; then
  echo ">> building the benchmark: ./mvnw -q -f bench/pom.xml package" >&2
  ./mvnw -q -f bench/pom.xml package
fi
