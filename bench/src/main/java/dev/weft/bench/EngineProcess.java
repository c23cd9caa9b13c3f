package dev.weft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The Weft engine jar as a child process, pointed at the benchmark's PostgreSQL. */
final class EngineProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final String baseUrl;

    private EngineProcess(Process process, Path log, List<String> command, String baseUrl) {
        this.process = process;
        this.log = log;
        this.command = command;
        this.baseUrl = baseUrl;
    }

    static EngineProcess start(Path jar, List<String> jvmOpts, String jdbcUrl, int port, Path dataDir, Path log)
            throws IOException {
        return start(jar, jvmOpts, jdbcUrl, port, dataDir, log, Map.of());
    }

    /** As above, with extra environment variables for the child (they win over the defaults set here). */
    static EngineProcess start(Path jar, List<String> jvmOpts, String jdbcUrl, int port, Path dataDir, Path log,
                               Map<String, String> extraEnv) throws IOException {
        return launch(jvmOpts, List.of("-jar", jar.toString()), jdbcUrl, port, dataDir, log, extraEnv);
    }

    /**
     * Another main class run inside the engine jar's classpath (its classes and BOOT-INF/lib), through
     * Spring Boot's PropertiesLauncher, with {@code extraClasses} (a directory or jar) added to it:
     * the replay benchmark's seeder drives the engine's own command gateway this way.
     */
    static EngineProcess startMain(Path jar, Path extraClasses, String mainClass, List<String> args,
                                   List<String> jvmOpts, String jdbcUrl, int port, Path dataDir, Path log,
                                   Map<String, String> extraEnv) throws IOException {
        List<String> launch = new ArrayList<>(List.of("-Dloader.path=" + extraClasses, "-Dloader.main=" + mainClass,
                "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        launch.addAll(args);
        return launch(jvmOpts, launch, jdbcUrl, port, dataDir, log, extraEnv);
    }

    private static EngineProcess launch(List<String> jvmOpts, List<String> launch, String jdbcUrl, int port,
                                        Path dataDir, Path log, Map<String, String> extraEnv) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOpts);
        // Prints the effective GC and heap flags as the first line of the log; read back by effectiveFlags().
        command.add("-XX:+PrintCommandLineFlags");
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("WEFT_DB_URL", jdbcUrl);
        env.put("WEFT_DB_USER", "postgres");
        env.put("WEFT_DB_PASSWORD", "");
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("WEFT_DATA_DIR", dataDir.toString());
        env.put("WEFT_BASE_URL", "http://127.0.0.1:" + port);
        // The benchmarks measure throughput, which the per-client limits exist to cap.
        env.put("WEFT_RATE_LIMIT_REGISTRATIONS", "100000000");
        env.put("WEFT_RATE_LIMIT_POSTS", "100000000");
        env.put("WEFT_RATE_LIMIT_INBOX", "100000000");
        env.putAll(extraEnv);
        return new EngineProcess(builder.start(), log, List.copyOf(command), "http://127.0.0.1:" + port);
    }

    String baseUrl() {
        return baseUrl;
    }

    List<String> command() {
        return command;
    }

    long pid() {
        return process.pid();
    }

    /** Polls GET /v3/api-docs until it answers 200; fails fast if the child exits. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine exited with code " + process.exitValue()
                        + " before answering; last lines of " + log + ":\n" + tail(40));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the engine did not answer GET /v3/api-docs within " + timeout.toSeconds()
                + " s; last lines of " + log + ":\n" + tail(40));
    }

    /** The -XX flags the child's JVM reported (heap sizes, GC), or "?" when not found. */
    String effectiveFlags() {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.limit(20).filter(l -> l.contains("-XX:")).findFirst().orElse("?").strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "?";
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    /** Waits for the child to exit by itself; kills it after the timeout. Returns the exit code, -1 on timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        stop();
        return -1;
    }

    /** SIGTERM (graceful shutdown), then a hard kill after 30 s. Returns the exit code. */
    int stop() throws InterruptedException {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
