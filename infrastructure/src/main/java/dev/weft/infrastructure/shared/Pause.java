package dev.weft.infrastructure.shared;

import java.time.Duration;

/** A worker's wait before it tries again after a failure. */
public final class Pause {
    private Pause() {
    }

    /**
     * Sleeps for the duration; an interrupt ends the wait early and stays set, so the
     * caller's loop sees that it is being stopped.
     */
    public static void before(Duration retry) {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
