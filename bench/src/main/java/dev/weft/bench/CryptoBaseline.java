package dev.weft.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JVM's own RSA-2048 SHA256withRSA rate with the default JDK provider, on as many
 * threads as there are cores: the ceiling for work that costs one signature (a delivery)
 * or one verification (an inbound activity) each. Measured in this JVM, which is the same
 * java binary the engine child runs.
 */
final class CryptoBaseline {
    enum Op { SIGN, VERIFY }

    record Result(Op op, int threads, double perSecond, String provider, double busyPercent,
                  double ownCpuPercent) {
    }

    private CryptoBaseline() {
    }

    static Result measure(Op op, int threads, Duration warmup, Duration measured) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // A signing string of the size draft-cavage builds for an inbox POST.
        byte[] message = ("(request-target): post /inbox\nhost: 127.0.0.1:8080\ndate: Tue, 01 Dec 2026 10:00:00 GMT\n"
                + "digest: SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=").getBytes(StandardCharsets.UTF_8);
        Signature probe = Signature.getInstance("SHA256withRSA");
        probe.initSign(pair.getPrivate());
        probe.update(message);
        byte[] signature = probe.sign();
        String provider = probe.getProvider().getName();

        LongAdder count = new LongAdder();
        long[] window = new long[2];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    Signature s = Signature.getInstance("SHA256withRSA");
                    go.await();
                    long from = window[0];
                    long to = window[1];
                    long now;
                    while ((now = System.nanoTime()) < to) {
                        if (op == Op.SIGN) {
                            s.initSign(pair.getPrivate());
                            s.update(message);
                            s.sign();
                        } else {
                            s.initVerify(pair.getPublic());
                            s.update(message);
                            if (!s.verify(signature)) {
                                throw new IllegalStateException("own signature does not verify");
                            }
                        }
                        if (now >= from) {
                            count.increment();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "baseline-" + op + "-" + t);
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        window[0] = start + warmup.toNanos();
        window[1] = window[0] + measured.toNanos();
        go.countDown();
        Thread.sleep(Math.max(0, warmup.toMillis()));
        CpuSample before = CpuSample.of(ProcessHandle.current());
        for (Thread worker : workers) {
            worker.join();
        }
        CpuSample after = CpuSample.of(ProcessHandle.current());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("baseline failed: " + failures.get(0), failures.get(0));
        }
        double seconds = measured.toNanos() / 1e9;
        double ownCpu = after.processCpuMillisSince(before) / 10.0 / seconds
                / Runtime.getRuntime().availableProcessors();
        return new Result(op, threads, count.sum() / seconds, provider, after.busyPercentSince(before), ownCpu);
    }
}
