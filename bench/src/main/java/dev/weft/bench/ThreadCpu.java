package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU ticks per thread family of one process, and of PostgreSQL's processes, from /proc
 * (Linux). JFR samples only Java frames; this also counts the JIT compiler, the garbage
 * collector, native socket work and the database, which share the same two cores.
 */
final class ThreadCpu {
    /** Linux reports utime and stime in clock ticks of 1/100 s on every architecture we run on. */
    private static final double TICK_SECONDS = 0.01;

    private final Map<String, Long> ticksByFamily;

    private ThreadCpu(Map<String, Long> ticksByFamily) {
        this.ticksByFamily = ticksByFamily;
    }

    static ThreadCpu of(long enginePid) {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(enginePid), "task"))) {
            tasks.forEach(task -> add(ticks, task.resolve("stat"), null));
        } catch (IOException | RuntimeException e) {
            return new ThreadCpu(Map.of());
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .forEach(p -> add(ticks, Path.of("/proc", Long.toString(p.pid()), "stat"), postgresRole(p.pid())));
        return new ThreadCpu(ticks);
    }

    private static void add(Map<String, Long> ticks, Path stat, String family) {
        try {
            String line = Files.readString(stat);
            int close = line.lastIndexOf(')');
            String name = line.substring(line.indexOf('(') + 1, close);
            String[] f = line.substring(close + 2).split(" ");
            // after "pid (comm) ": state is f[0], so utime (field 14) is f[11] and stime f[12]
            long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            ticks.merge(family != null ? family : familyOf(name), used, Long::sum);
        } catch (IOException | RuntimeException e) {
            // a thread or process that ended between listing and reading has nothing more to add
        }
    }

    /** A PostgreSQL process's title names its role: a client backend, the checkpointer, the WAL writer... */
    private static String postgresRole(long pid) {
        try {
            String title = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
                    .replace('\0', ' ').strip();
            if (!title.startsWith("postgres: ")) {
                return "PostgreSQL postmaster";
            }
            String role = title.substring("postgres: ".length());
            // a client backend's title is "user database host(port) state"; the others name their role
            return role.contains("(") || role.startsWith("postgres ") ? "PostgreSQL client backends"
                    : "PostgreSQL " + role.replaceAll("\\s+.*", "");
        } catch (IOException | RuntimeException e) {
            return "PostgreSQL (ended)";
        }
    }

    /** Thread names without their numbers: "weft-delivery-12" and "weft-delivery-3" are one family. */
    static String familyOf(String threadName) {
        return threadName.replaceAll("\\d+", "N").replaceAll("N(-N)+", "N");
    }

    /** The families that used CPU since then, most first, as "name seconds (share)". */
    List<String> since(ThreadCpu then, int limit) {
        Map<String, Long> used = new LinkedHashMap<>();
        ticksByFamily.forEach((family, ticks) -> {
            long delta = ticks - then.ticksByFamily.getOrDefault(family, 0L);
            if (delta > 0) {
                used.put(family, delta);
            }
        });
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        List<String> lines = new ArrayList<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> lines.add(String.format("%7.2f s  %5.1f%%  %s", e.getValue() * TICK_SECONDS,
                        100.0 * e.getValue() / total, e.getKey())));
        return lines;
    }
}
