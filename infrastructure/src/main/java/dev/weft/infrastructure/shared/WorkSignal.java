package dev.weft.infrastructure.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a node's workers when there is new work in a table they poll, so they need not
 * poll often. Inside a transaction the nudge waits for the commit: woken earlier, a worker
 * would look before the rows are visible and go back to sleep. The channel names the
 * signal to the other nodes ({@link NodeNudges}), which share the table.
 */
public class WorkSignal {
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z_]{0,62}");

    private final String channel;
    private final Semaphore signal = new Semaphore(0);

    public WorkSignal(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a channel is a lower-case SQL identifier: " + channel);
        }
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }

    public void nudge() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            release();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                release();
            }
        });
    }

    /**
     * Waits for a nudge or the timeout, and forgets nudges that piled up meanwhile; says
     * whether a nudge came.
     */
    public boolean await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
            return true;
        }
        return false;
    }

    /** A nudge from another node, which arrives only once its transaction has committed. */
    void wakeFromElsewhere() {
        release();
    }

    private void release() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }
}
