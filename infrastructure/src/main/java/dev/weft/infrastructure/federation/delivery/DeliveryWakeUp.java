package dev.weft.infrastructure.federation.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Lets an enqueue on this node start the poller at once instead of at its next tick. */
@Component
public class DeliveryWakeUp {
    private final Semaphore signal = new Semaphore(0);

    public void nudge() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits for a nudge or the timeout, whichever comes first. */
    public void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
