package dev.weft.infrastructure.federation.inbox;

import dev.weft.application.federation.inbox.ActivityDispatcher;
import dev.weft.application.federation.inbox.InboxQueue;
import dev.weft.application.federation.inbox.ReceivedActivity;
import dev.weft.domain.shared.DomainRuleException;
import dev.weft.infrastructure.shared.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the inbox queue into commands. A refusal by the domain is the activity's final
 * outcome; any other failure (a remote fetch, a conflict) is tried again with backoff, and
 * given up after MAX_ATTEMPTS with the error kept on the row for operators.
 */
@Component
public class InboxWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 16;
    private final InboxQueue queue;
    private final ActivityDispatcher dispatcher;
    private final InboxWakeUp wakeUp;
    private final int threadCount;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public InboxWorker(InboxQueue queue, ActivityDispatcher dispatcher, InboxWakeUp wakeUp,
                       InboxProperties properties) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.wakeUp = wakeUp;
        this.threadCount = properties.workers();
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::drain, "inbox-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void drain() {
        while (running) {
            try {
                List<ReceivedActivity> due = queue.claimDue(BATCH);
                due.forEach(this::process);
                if (due.isEmpty()) {
                    wakeUp.await(Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Inbox worker could not claim activities: {}", e.getMessage());
                Pause.before(Duration.ofSeconds(1));
            }
        }
    }

    void process(ReceivedActivity activity) {
        try {
            queue.completed(activity.activityId(), dispatcher.dispatch(activity));
        } catch (DomainRuleException | AggregateNotFoundException e) {
            queue.completed(activity.activityId(), "refused: " + e.getMessage());
        } catch (RuntimeException e) {
            Instant retryAt = activity.attempts() >= MAX_ATTEMPTS ? null : Instant.now().plus(backoff(activity));
            LOG.info("Inbox activity {} failed (attempt {}): {}", activity.activityId(), activity.attempts(),
                    e.toString());
            queue.failed(activity.activityId(), e.getClass().getSimpleName() + ": " + e.getMessage(), retryAt);
        }
    }

    private static Duration backoff(ReceivedActivity activity) {
        long seconds = 5L << Math.min(activity.attempts() - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(1).toSeconds()));
    }

}
