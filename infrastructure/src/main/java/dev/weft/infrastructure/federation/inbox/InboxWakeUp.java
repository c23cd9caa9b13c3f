package dev.weft.infrastructure.federation.inbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's inbox workers when an activity is stored, so they need not poll often. */
@Component
public class InboxWakeUp {
    private final Semaphore signal = new Semaphore(0);

    public void nudge() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.release();
                }
            });
        } else {
            signal.release();
        }
    }

    /** Waits for a nudge or the timeout, and forgets nudges that piled up meanwhile. */
    void await(long millis) throws InterruptedException {
        if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
