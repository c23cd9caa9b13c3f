package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Machine-wide CPU time from /proc/stat (Linux), and one process's CPU time. */
record CpuSample(long busyTicks, long iowaitTicks, long totalTicks, long processCpuNanos) {

    static CpuSample of(ProcessHandle process) {
        long processCpu = process == null ? -1
                : process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        try {
            Optional<String> cpuLine = Files.readAllLines(Path.of("/proc/stat")).stream()
                    .filter(l -> l.startsWith("cpu ")).findFirst();
            if (cpuLine.isEmpty()) {
                return new CpuSample(-1, -1, -1, processCpu);
            }
            String[] f = cpuLine.get().trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]);
            long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
            return new CpuSample(total - idle - iowait, iowait, total, processCpu);
        } catch (IOException | RuntimeException e) {
            return new CpuSample(-1, -1, -1, processCpu);
        }
    }

    /** Percent of all cores busy between then and this sample, or NaN. */
    double busyPercentSince(CpuSample then) {
        long total = totalTicks - then.totalTicks;
        return totalTicks < 0 || then.totalTicks < 0 || total <= 0 ? Double.NaN
                : 100.0 * (busyTicks - then.busyTicks) / total;
    }

    double iowaitPercentSince(CpuSample then) {
        long total = totalTicks - then.totalTicks;
        return totalTicks < 0 || then.totalTicks < 0 || total <= 0 ? Double.NaN
                : 100.0 * (iowaitTicks - then.iowaitTicks) / total;
    }

    /** The process's CPU milliseconds between then and this sample, or NaN. */
    double processCpuMillisSince(CpuSample then) {
        return processCpuNanos < 0 || then.processCpuNanos < 0 ? Double.NaN
                : (processCpuNanos - then.processCpuNanos) / 1e6;
    }
}
