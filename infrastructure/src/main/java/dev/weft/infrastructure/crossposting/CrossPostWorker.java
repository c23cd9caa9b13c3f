package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.ClaimedCrossPost;
import dev.weft.application.crossposting.CrossPostSender;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.shared.ClaimingWorkers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final Clock clock;
    private final int workerCount;
    private final ClaimingWorkers<ClaimedCrossPost> workers;

    public CrossPostWorker(JdbcCrossPostWork work, CrossPostSender sender, CrossPostWakeUp wakeUp, Clock clock,
                           int workerCount, Duration pollInterval, Duration drainTimeout) {
        this.work = work;
        this.sender = sender;
        this.clock = clock;
        this.workerCount = workerCount;
        this.workers = new ClaimingWorkers<>("weft-crosspost",
                new ClaimingWorkers.Pace(workerCount, pollInterval, drainTimeout), wakeUp, clock, new Queue());
    }

    @Override
    public synchronized void start() {
        if (workers.isRunning() || workerCount < 1) {
            return;
        }
        workers.start();
        LOG.info("Cross-posting started with {} workers", workerCount);
    }

    /** Copies claimed but not started go back to the queue; those being sent finish or keep their lease. */
    @Override
    public synchronized void stop() {
        if (!workers.isRunning()) {
            return;
        }
        workers.stop();
        LOG.info("Cross-posting stopped");
    }

    @Override
    public boolean isRunning() {
        return workers.isRunning();
    }

    private void send(ClaimedCrossPost copy) {
        try {
            sender.process(copy);
        } catch (RuntimeException e) {
            LOG.warn("Cross-post {} to {} broke and comes back in {}: {}", copy.copyId(),
                    copy.link().platform().wireName(), AFTER_A_FAULT, e.toString());
            putBackQuietly(copy);
        }
    }

    private void putBackQuietly(ClaimedCrossPost copy) {
        try {
            work.putBack(copy, clock.now().plus(AFTER_A_FAULT));
        } catch (RuntimeException e) {
            LOG.warn("Cross-post {} left to its lease: {}", copy.copyId(), e.toString());
        }
    }

    /** The cross-post queue as the workers see it. */
    private final class Queue implements ClaimingWorkers.Operations<ClaimedCrossPost> {
        @Override
        public List<ClaimedCrossPost> claim(int limit, Instant now) {
            return work.claim(limit, now);
        }

        @Override
        public void process(ClaimedCrossPost copy) {
            send(copy);
        }

        @Override
        public void putBack(ClaimedCrossPost copy, Instant at) {
            work.putBack(copy, at);
        }

        @Override
        public void pollFailed(RuntimeException e) {
            LOG.warn("Cross-post poll failed, trying again shortly: {}", e.toString());
        }
    }
}
