package dev.weft.infrastructure.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClaimingWorkersTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    private final WorkSignal signal = new WorkSignal("test_signal");
    private final Table table = new Table();
    private ClaimingWorkers<Integer> workers;

    @AfterEach
    void stop() {
        table.release.countDown();
        if (workers != null) {
            workers.stop();
        }
    }

    @Test
    void processesEveryClaimedItemOnceOnItsNamedThreads() {
        table.add(50);
        start(3, LONG, LONG);

        await("all processed", () -> table.processed.size() == 50);
        assertThat(snapshot(table.processed)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(table.claimThreads).containsOnly("test-poller");
        assertThat(table.processThreads).isSubsetOf("test-1", "test-2", "test-3");
    }

    @Test
    void neverClaimsMoreThanTheIdleWorkers() {
        table.add(60);
        table.busyFor = Duration.ofMillis(5);
        start(3, LONG, LONG);

        await("all processed", () -> table.processed.size() == 60);
        assertThat(table.overClaims).as("claims beyond the idle workers").isEmpty();
        assertThat(snapshot(table.limits)).allMatch(limit -> limit >= 1 && limit <= 3);
    }

    @Test
    void withAPrefetchItClaimsOnlyOnceThatManySlotsAreFreeAndHoldsNoMore() {
        table.add(200);
        table.busyFor = Duration.ofMillis(2);
        start(new ClaimingWorkers.Pace(2, LONG, LONG, 6));

        await("all processed", () -> table.processed.size() == 200);
        assertThat(table.overClaims).as("claims beyond the workers and the prefetch").isEmpty();
        List<Integer> limits = snapshot(table.limits);
        assertThat(limits).allMatch(limit -> limit >= 6 && limit <= 8);
        assertThat(limits.size()).as("claims for 200 items").isLessThanOrEqualTo(200 / 6 + 2);
        assertThat(table.processThreads).isSubsetOf("test-1", "test-2");
    }

    @Test
    void aShortClaimWaitsForANudgeBeforeClaimingAgain() throws InterruptedException {
        start(2, LONG, LONG);
        await("first claim", () -> table.limits.size() == 1);

        table.add(1);
        Thread.sleep(200);
        assertThat(table.limits).as("claims before the nudge").hasSize(1);

        signal.nudge();
        await("processed after the nudge", () -> table.processed.size() == 1);
    }

    @Test
    void keepsPollingAfterAClaimThrowsWithEveryWorkerIdleAgain() {
        table.add(1);
        table.failingClaims.set(2);
        start(2, Duration.ofMillis(20), LONG);

        await("processed", () -> table.processed.size() == 1);
        assertThat(table.pollFailures).hasSize(2);
        assertThat(snapshot(table.limits).subList(0, 3)).containsExactly(2, 2, 2);
    }

    @Test
    void runsTheHookAfterEveryClaim() {
        start(1, Duration.ofMillis(10), LONG);
        await("several claims", () -> table.limits.size() >= 3);
        workers.stop();

        assertThat(table.afterClaims.get()).isEqualTo(table.limits.size());
    }

    @Test
    void stopWaitsForRunningItemsToFinish() {
        table.add(1);
        table.busyFor = Duration.ofMillis(300);
        start(1, LONG, LONG);
        await("started", () -> table.started.get() == 1);

        workers.stop();

        assertThat(table.processed).containsExactly(0);
        assertThat(workers.isRunning()).isFalse();
    }

    @Test
    void anItemStillRunningAfterTheDrainTimeoutKeepsItsLease() {
        table.add(1);
        table.blocking = true;
        start(1, LONG, Duration.ofMillis(100));
        await("started", () -> table.started.get() == 1);

        workers.stop();

        assertThat(table.putBacks).isEmpty();
        assertThat(workers.isRunning()).isFalse();
    }

    private void start(int count, Duration pollInterval, Duration drainTimeout) {
        start(new ClaimingWorkers.Pace(count, pollInterval, drainTimeout));
    }

    private void start(ClaimingWorkers.Pace pace) {
        table.workers = pace.workers() + pace.prefetch();
        workers = new ClaimingWorkers<>("test", pace, signal, Instant::now, table);
        workers.start();
    }

    /** The poller keeps adding while a test reads, and a synchronized list is only safe to iterate under its lock. */
    private static <E> List<E> snapshot(List<E> live) {
        synchronized (live) {
            return new ArrayList<>(live);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Items due in memory; counts what the workers asked of it and checks they never ask for too much. */
    private static final class Table implements ClaimingWorkers.Operations<Integer> {
        private final Deque<Integer> due = new ArrayDeque<>();
        private final List<Integer> limits = Collections.synchronizedList(new ArrayList<>());
        private final List<String> overClaims = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> putBacks = Collections.synchronizedList(new ArrayList<>());
        private final List<RuntimeException> pollFailures = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> claimThreads = ConcurrentHashMap.newKeySet();
        private final Set<String> processThreads = ConcurrentHashMap.newKeySet();
        private final AtomicInteger outstanding = new AtomicInteger();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger failingClaims = new AtomicInteger();
        private final AtomicInteger afterClaims = new AtomicInteger();
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile int workers;
        private volatile Duration busyFor = Duration.ZERO;
        private volatile boolean blocking;
        private int next;

        synchronized void add(int count) {
            IntStream.range(next, next + count).forEach(due::add);
            next += count;
        }

        @Override
        public synchronized List<Integer> claim(int limit, Instant now) {
            limits.add(limit);
            claimThreads.add(Thread.currentThread().getName());
            if (failingClaims.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("database away");
            }
            if (limit + outstanding.get() > workers) {
                overClaims.add(limit + " asked while " + outstanding.get() + " of " + workers + " were out");
            }
            List<Integer> claimed = new ArrayList<>();
            while (claimed.size() < limit && !due.isEmpty()) {
                claimed.add(due.poll());
            }
            outstanding.addAndGet(claimed.size());
            return claimed;
        }

        @Override
        public void process(Integer item) {
            started.incrementAndGet();
            processThreads.add(Thread.currentThread().getName());
            try {
                if (blocking) {
                    release.await();
                }
                Thread.sleep(busyFor.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                outstanding.decrementAndGet();
            }
            processed.add(item);
        }

        @Override
        public void putBack(Integer item, Instant at) {
            putBacks.add(item);
        }

        @Override
        public void pollFailed(RuntimeException e) {
            pollFailures.add(e);
        }

        @Override
        public void afterClaim() {
            afterClaims.incrementAndGet();
        }
    }
}
