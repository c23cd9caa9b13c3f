package dev.weft.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Samples another JVM's heap with one long-running {@code jstat -gc <pid> <interval>} (it
 * reads the target's perf-data memory: no safepoint, no JVM started per sample, unlike
 * {@code jcmd GC.heap_info}). Used = S0U+S1U+EU+OU, committed = S0C+S1C+EC+OC. Each
 * sample is written to a CSV (ms since start, used MiB, committed MiB, young GCs, full GCs).
 */
final class HeapSampler implements AutoCloseable {
    private final Process jstat;
    private final Thread reader;
    private final long start = System.nanoTime();
    private volatile double peakUsedMiB;
    private volatile double peakCommittedMiB;
    private volatile double lastUsedMiB = Double.NaN;
    private volatile long samples;
    private volatile long youngGcs = -1;
    private volatile long fullGcs = -1;
    private long firstYoungGcs = -1;
    private long firstFullGcs = -1;
    private final List<String> errors = new ArrayList<>();

    HeapSampler(long pid, int intervalMillis, Path csv) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jstatPath = Path.of(java).resolveSibling("jstat");
        String command = Files.isExecutable(jstatPath) ? jstatPath.toString() : "jstat";
        jstat = new ProcessBuilder(command, "-gc", Long.toString(pid), intervalMillis + "ms")
                .redirectErrorStream(true).start();
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8));
        out.println("ms,used_mib,committed_mib,young_gcs,full_gcs");
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                    StandardCharsets.UTF_8)); out) {
                List<String> header = null;
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 0 && f[0].equals("S0C")) {
                        header = Arrays.asList(f);
                        continue;
                    }
                    if (header == null || f.length != header.size()) {
                        synchronized (errors) {
                            if (errors.size() < 5) {
                                errors.add(line);
                            }
                        }
                        continue;
                    }
                    double used = (v(f, header, "S0U") + v(f, header, "S1U") + v(f, header, "EU")
                            + v(f, header, "OU")) / 1024;
                    double committed = (v(f, header, "S0C") + v(f, header, "S1C") + v(f, header, "EC")
                            + v(f, header, "OC")) / 1024;
                    long ygc = (long) v(f, header, "YGC");
                    long fgc = (long) v(f, header, "FGC");
                    if (firstYoungGcs < 0) {
                        firstYoungGcs = ygc;
                        firstFullGcs = fgc;
                    }
                    youngGcs = ygc;
                    fullGcs = fgc;
                    peakUsedMiB = Math.max(peakUsedMiB, used);
                    peakCommittedMiB = Math.max(peakCommittedMiB, committed);
                    lastUsedMiB = used;
                    samples++;
                    out.println(String.format(Locale.ROOT, "%d,%.1f,%.1f,%d,%d",
                            (System.nanoTime() - start) / 1_000_000, used, committed, ygc, fgc));
                }
            } catch (IOException e) {
                synchronized (errors) {
                    errors.add(e.toString());
                }
            }
        }, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static double v(String[] f, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < 0 ? 0 : Double.parseDouble(f[i].replace(',', '.'));
    }

    double peakUsedMiB() {
        return peakUsedMiB;
    }

    double peakCommittedMiB() {
        return peakCommittedMiB;
    }

    double lastUsedMiB() {
        return lastUsedMiB;
    }

    long samples() {
        return samples;
    }

    long youngGcsDuring() {
        return firstYoungGcs < 0 ? -1 : youngGcs - firstYoungGcs;
    }

    long fullGcsDuring() {
        return firstFullGcs < 0 ? -1 : fullGcs - firstFullGcs;
    }

    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        jstat.destroy();
        if (!jstat.waitFor(5, TimeUnit.SECONDS)) {
            jstat.destroyForcibly();
        }
        reader.join(5000);
    }
}
