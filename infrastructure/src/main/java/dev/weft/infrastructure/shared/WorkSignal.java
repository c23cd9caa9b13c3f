package dev.weft.infrastructure.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a node's workers when there is new work in a table they poll, so they need not
 * poll often. Inside a transaction the nudge waits for the commit: woken earlier, a worker
 * would look before the rows are visible and go back to sleep.
 */
public class WorkSignal {
    private final Semaphore signal = new Semaphore(0);

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

    /** Waits for a nudge or the timeout, and forgets nudges that piled up meanwhile. */
    public void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }

    private void release() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }
}
