package dev.weft.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs. Each one is an environment variable and a {@code --name=value} argument; the
 * argument wins. Defaults are the issue's: 1, 8 and 32 clients, 5 s warm-up + 20 s measured.
 */
record BenchConfig(List<Integer> levels, Duration warmup, Duration duration, Duration initialWarmup, Path engineJar,
                   List<String> engineJvmOpts, Path outDir, Duration startTimeout, Duration settleTimeout,
                   int payloadBytes) {

    static final String USAGE = """
            Weft publish load benchmark. Options (argument or environment variable):
              --levels=1,8,32            WEFT_BENCH_LEVELS        concurrent clients per level
              --duration=20              WEFT_BENCH_DURATION      measured seconds per level (each phase)
              --warmup=5                 WEFT_BENCH_WARMUP        warm-up seconds before each measured phase
              --initial-warmup=10        WEFT_BENCH_INITIAL_WARMUP one-off engine warm-up (JIT) before the first level, 0 = none
              --engine-jar=PATH          WEFT_BENCH_ENGINE_JAR    default api/target/weft.jar
              --engine-jvm-opts="..."    WEFT_BENCH_ENGINE_JVM_OPTS  JVM options of the engine child (default -XX:MaxRAMPercentage=75, as docker/Dockerfile)
              --out-dir=PATH             WEFT_BENCH_OUT_DIR       where engine.log and results.txt go (default bench/out)
              --start-timeout=180        WEFT_BENCH_START_TIMEOUT seconds to wait for the engine to answer
              --settle-timeout=60        WEFT_BENCH_SETTLE_TIMEOUT max seconds to wait for projections to go quiet
              --payload-bytes=300        WEFT_BENCH_PAYLOAD_BYTES size of the INSERT payload and of the post text
            """;

    private static final List<String> KEYS = List.of("levels", "duration", "warmup", "initial-warmup", "engine-jar",
            "engine-jvm-opts", "out-dir", "start-timeout", "settle-timeout", "payload-bytes");

    static BenchConfig from(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            String env = System.getenv("WEFT_BENCH_" + key.toUpperCase().replace('-', '_'));
            if (env != null && !env.isBlank()) {
                values.put(key, env.strip());
            }
        }
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
            String key = arg.substring(2, arg.indexOf('='));
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "\n" + USAGE);
            }
            values.put(key, arg.substring(arg.indexOf('=') + 1).strip());
        }
        List<Integer> levels = new ArrayList<>();
        for (String level : values.getOrDefault("levels", "1,8,32").split("[,\\s]+")) {
            int clients = Integer.parseInt(level);
            if (clients < 1 || clients > 150) {
                throw new IllegalArgumentException("a level must be 1..150 clients, not " + clients);
            }
            levels.add(clients);
        }
        // The default is what docker/Dockerfile ships with.
        String jvmOpts = values.getOrDefault("engine-jvm-opts", "-XX:MaxRAMPercentage=75");
        return new BenchConfig(List.copyOf(levels),
                seconds(values.getOrDefault("warmup", "5")),
                seconds(values.getOrDefault("duration", "20")),
                seconds(values.getOrDefault("initial-warmup", "10")),
                Path.of(values.getOrDefault("engine-jar", "api/target/weft.jar")).toAbsolutePath(),
                jvmOpts.isBlank() ? List.of() : Arrays.asList(jvmOpts.strip().split("\\s+")),
                Path.of(values.getOrDefault("out-dir", "bench/out")).toAbsolutePath(),
                seconds(values.getOrDefault("start-timeout", "180")),
                seconds(values.getOrDefault("settle-timeout", "60")),
                payloadBytes(values.getOrDefault("payload-bytes", "300")));
    }

    private static int payloadBytes(String value) {
        int bytes = Integer.parseInt(value);
        if (bytes < 50 || bytes > 500) {
            // 500 is Weft's post text limit (PostRules.MAX_TEXT_LENGTH); the post text has the same size.
            throw new IllegalArgumentException("payload-bytes must be 50..500, not " + bytes);
        }
        return bytes;
    }

    private static Duration seconds(String value) {
        Duration d = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration " + value);
        }
        return d;
    }

    int maxClients() {
        return levels.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
