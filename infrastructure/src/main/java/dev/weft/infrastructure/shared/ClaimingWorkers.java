package dev.weft.infrastructure.shared;

import dev.weft.application.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's workers on a table of leased work: a poller claims due items and hands each to a
 * worker. Without prefetch it claims as many as there are idle workers, so no claimed item
 * waits behind a busy one. With a prefetch of N, up to N claimed items may wait for a worker
 * (their leases must allow for it), and the poller claims only once N slots are free: one
 * claim of N or more instead of one per finished item, while the waiting items keep the
 * workers busy. A claim that comes back short means nothing more is due, so the poller then
 * sleeps until its signal is nudged or the poll interval ends.
 */
public final class ClaimingWorkers<T> {

    /** What the workers do, in the terms of the table they drain. */
    public interface Operations<T> {
        /** Leases at most {@code limit} items due at {@code now}. */
        List<T> claim(int limit, Instant now);

        /** Takes one item as far as it goes; its failures are its own, the worker moves on either way. */
        void process(T item);

        /** Gives an item's lease up, to be due again at {@code at}. */
        void putBack(T item, Instant at);

        /** The poller tries again after the poll interval; this says so in the caller's words. */
        void pollFailed(RuntimeException e);

        /** Housekeeping that rides on the poller, run after each claim. */
        default void afterClaim() {
        }
    }

    /**
     * How many workers, how long an idle poller sleeps, how long stopping waits for running
     * items, and how many claimed items may wait for a worker.
     */
    public record Pace(int workers, Duration pollInterval, Duration drainTimeout, int prefetch) {
        public Pace {
            if (workers < 1 || prefetch < 0) {
                throw new IllegalArgumentException("at least one worker, and a prefetch of zero or more");
            }
        }

        public Pace(int workers, Duration pollInterval, Duration drainTimeout) {
            this(workers, pollInterval, drainTimeout, 0);
        }

        int slots() {
            return workers + prefetch;
        }

        /** Free slots the poller waits for before it claims. */
        int claimFloor() {
            return Math.max(1, prefetch);
        }
    }

    private final String name;
    private final Pace pace;
    private final WorkSignal signal;
    private final Clock clock;
    private final Operations<T> operations;

    private volatile boolean running;
    private Thread poller;
    private ExecutorService workers;
    private Semaphore idle;

    /** Threads are named {@code name-poller} and {@code name-1} to {@code name-N}. */
    public ClaimingWorkers(String name, Pace pace, WorkSignal signal, Clock clock, Operations<T> operations) {
        this.name = name;
        this.pace = pace;
        this.signal = signal;
        this.clock = clock;
        this.operations = operations;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        int count = pace.workers();
        idle = new Semaphore(pace.slots());
        AtomicInteger number = new AtomicInteger();
        workers = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> new Thread(task, name + "-" + number.incrementAndGet()));
        running = true;
        poller = new Thread(this::poll, name + "-poller");
        poller.start();
    }

    /** Items claimed but not started go back; those running finish or keep their lease. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        workers.shutdown();
        try {
            poller.join(pace.drainTimeout().toMillis());
            if (!workers.awaitTermination(pace.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                putBack(workers.shutdownNow());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void poll() {
        while (running) {
            try {
                claimAndHandOut();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                operations.pollFailed(e);
                Pause.before(pace.pollInterval());
            }
        }
    }

    private void claimAndHandOut() throws InterruptedException {
        idle.acquire(pace.claimFloor());
        int capacity = pace.claimFloor() + idle.drainPermits();
        List<T> claimed = claim(capacity);
        idle.release(capacity - claimed.size());
        claimed.forEach(this::handOut);
        operations.afterClaim();
        if (claimed.size() < capacity) {
            signal.await(pace.pollInterval());
        }
    }

    /** A claim that returns after stop began finds the pool shut: its items go back at once, not to their lease. */
    private void handOut(T item) {
        try {
            workers.execute(new Task(item));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            idle.release();
            operations.putBack(item, clock.now());
        }
    }

    private List<T> claim(int capacity) {
        try {
            return operations.claim(capacity, clock.now());
        } catch (RuntimeException e) {
            idle.release(capacity);
            throw e;
        }
    }


    private void putBack(List<Runnable> unstarted) {
        for (Runnable task : unstarted) {
            if (task instanceof ClaimingWorkers<?>.Task item) {
                item.putBack(clock.now());
            }
        }
    }

    /** One item on one worker thread, whose end frees its slot for the next claim. */
    private final class Task implements Runnable {
        private final T item;

        Task(T item) {
            this.item = item;
        }

        @Override
        public void run() {
            try {
                operations.process(item);
            } finally {
                idle.release();
            }
        }

        void putBack(Instant at) {
            operations.putBack(item, at);
        }
    }
}
