package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.ClaimedCrossPost;
import dev.weft.application.crossposting.CrossPostSender;
import dev.weft.application.shared.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drains the cross-post queue on this node: a poller claims as many due copies as there
 * are idle workers, and each worker takes one copy as far as it can go now. The HTTP
 * requests run outside any transaction; only the recording of each outcome is one.
 */
public class CrossPostWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CrossPostWorker.class);
    /** A copy whose processing broke unexpectedly waits this long rather than spin. */
    private static final Duration AFTER_A_FAULT = Duration.ofSeconds(30);

    private final JdbcCrossPostWork work;
    private final CrossPostSender sender;
    private final CrossPostWakeUp wakeUp;
    private final Clock clock;
    private final int workerCount;
    private final Duration pollInterval;
    private final Duration drainTimeout;

    private volatile boolean running;
    private Thread poller;
    private ExecutorService workers;
    private Semaphore idle;

    public CrossPostWorker(JdbcCrossPostWork work, CrossPostSender sender, CrossPostWakeUp wakeUp, Clock clock,
                           int workerCount, Duration pollInterval, Duration drainTimeout) {
        this.work = work;
        this.sender = sender;
        this.wakeUp = wakeUp;
        this.clock = clock;
        this.workerCount = workerCount;
        this.pollInterval = pollInterval;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public synchronized void start() {
        if (running || workerCount < 1) {
            return;
        }
        idle = new Semaphore(workerCount);
        AtomicInteger number = new AtomicInteger();
        workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> new Thread(task, "weft-crosspost-" + number.incrementAndGet()));
        running = true;
        poller = new Thread(this::poll, "weft-crosspost-poller");
        poller.start();
        LOG.info("Cross-posting started with {} workers", workerCount);
    }

    /** Copies claimed but not started go back to the queue; those being sent finish or keep their lease. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        workers.shutdown();
        try {
            poller.join(drainTimeout.toMillis());
            if (!workers.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                for (Runnable unstarted : workers.shutdownNow()) {
                    if (unstarted instanceof Send send) {
                        work.putBack(send.copy(), clock.now());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Cross-posting stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        while (running) {
            try {
                idle.acquire();
                int capacity = 1 + idle.drainPermits();
                List<ClaimedCrossPost> claimed = claim(capacity);
                idle.release(capacity - claimed.size());
                claimed.forEach(copy -> workers.execute(new Send(copy)));
                if (claimed.size() < capacity) {
                    wakeUp.await(pollInterval);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Cross-post poll failed, trying again shortly: {}", e.toString());
                pause();
            }
        }
    }

    private List<ClaimedCrossPost> claim(int capacity) {
        try {
            return work.claim(capacity, clock.now());
        } catch (RuntimeException e) {
            idle.release(capacity);
            throw e;
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One copy on one worker thread; shutdown puts back those that never started. */
    private final class Send implements Runnable {
        private final ClaimedCrossPost copy;

        Send(ClaimedCrossPost copy) {
            this.copy = copy;
        }

        ClaimedCrossPost copy() {
            return copy;
        }

        @Override
        public void run() {
            try {
                sender.process(copy);
            } catch (RuntimeException e) {
                LOG.warn("Cross-post {} to {} broke and comes back in {}: {}", copy.copyId(),
                        copy.link().platform().wireName(), AFTER_A_FAULT, e.toString());
                putBackQuietly();
            } finally {
                idle.release();
            }
        }

        private void putBackQuietly() {
            try {
                work.putBack(copy, clock.now().plus(AFTER_A_FAULT));
            } catch (RuntimeException e) {
                LOG.warn("Cross-post {} left to its lease: {}", copy.copyId(), e.toString());
            }
        }
    }
}
