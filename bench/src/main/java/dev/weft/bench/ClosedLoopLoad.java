package dev.weft.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * N threads, each running one operation after another (closed loop, no think time) for a
 * warm-up and then a measured window. An operation counts in the figures when it completes
 * inside the measured window; its latency is System.nanoTime around the call. Every loop
 * stops at the end of the window (plus at most one in-flight call, itself bounded by the
 * client's timeout), or earlier when more than 1% of the attempts so far have failed.
 */
final class ClosedLoopLoad {

    /** One client's operation. Returns null on success, or a short label of what went wrong. */
    interface Operation extends AutoCloseable {
        String call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface OperationFactory {
        Operation open(int clientIndex) throws Exception;
    }

    record Result(String name, int clients, double seconds, long successes, long errors, long attempts,
                  long totalSuccesses,
                  Histogram latencies, boolean aborted, Map<String, Long> errorKinds, Map<String, String> errorSamples) {

        double perSecond() {
            return successes / seconds;
        }

        double percentileMillis(double percentile) {
            return latencies.getTotalCount() == 0 ? Double.NaN
                    : latencies.getValueAtPercentile(percentile) / 1_000_000.0;
        }

        double maxMillis() {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1_000_000.0;
        }
    }

    private static final long MIN_ATTEMPTS_BEFORE_ABORT = 100;
    private static final long HIGHEST_TRACKABLE_NANOS = Duration.ofMinutes(2).toNanos();

    private ClosedLoopLoad() {
    }

    static Result run(String name, int clients, Duration warmup, Duration measured, OperationFactory factory)
            throws InterruptedException {
        AtomicBoolean abort = new AtomicBoolean();
        AtomicLong attempts = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        LongAdder windowSuccesses = new LongAdder();
        LongAdder allSuccesses = new LongAdder();
        LongAdder windowErrors = new LongAdder();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        Map<String, String> errorSamples = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Throwable> setupFailures = new ArrayList<>();

        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] times = new long[2]; // measureStart, end: written before go.countDown()
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
            histograms.add(histogram);
            int clientIndex = i;
            Thread thread = new Thread(() -> {
                try (Operation op = openOrNull(factory, clientIndex, setupFailures)) {
                    ready.countDown();
                    go.await();
                    if (op == null) {
                        return;
                    }
                    long measureStart = times[0];
                    long end = times[1];
                    long now;
                    while (!abort.get() && (now = System.nanoTime()) < end) {
                        String error;
                        try {
                            error = op.call();
                        } catch (Exception e) {
                            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                        }
                        long done = System.nanoTime();
                        long attempt = attempts.incrementAndGet();
                        boolean inWindow = done >= measureStart && done < end;
                        if (error == null) {
                            allSuccesses.increment();
                            if (inWindow) {
                                windowSuccesses.increment();
                                histogram.recordValue(Math.min(done - now, HIGHEST_TRACKABLE_NANOS));
                            }
                        } else {
                            String kind = kindOf(error);
                            errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
                            errorSamples.putIfAbsent(kind, truncate(error, 400));
                            if (inWindow) {
                                windowErrors.increment();
                            }
                            long failed = failures.incrementAndGet();
                            if (attempt >= MIN_ATTEMPTS_BEFORE_ABORT && failed * 100 > attempt) {
                                abort.set(true);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    synchronized (setupFailures) {
                        setupFailures.add(e);
                    }
                }
            }, name + "-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        if (!setupFailures.isEmpty()) {
            abort.set(true);
        }
        long start = System.nanoTime();
        times[0] = start + warmup.toNanos();
        times[1] = times[0] + measured.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!setupFailures.isEmpty()) {
            throw new IllegalStateException(name + ": a client could not start: " + setupFailures.get(0),
                    setupFailures.get(0));
        }
        Histogram all = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        histograms.forEach(all::add);
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
        return new Result(name, clients, measured.toNanos() / 1e9, windowSuccesses.sum(), windowErrors.sum(),
                attempts.get(), allSuccesses.sum(), all, abort.get(), kinds, new TreeMap<>(errorSamples));
    }

    private static Operation openOrNull(OperationFactory factory, int index, List<Throwable> failures) {
        try {
            return factory.open(index);
        } catch (Exception e) {
            synchronized (failures) {
                failures.add(e);
            }
            return null;
        }
    }

    /** "HTTP 500: {...body...}" groups as "HTTP 500"; exceptions group by class. */
    private static String kindOf(String error) {
        int colon = error.indexOf(':');
        return colon < 0 ? error : error.substring(0, colon);
    }

    private static String truncate(String s, int max) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
