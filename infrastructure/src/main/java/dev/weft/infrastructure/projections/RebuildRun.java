package dev.weft.infrastructure.projections;

import dev.weft.application.projections.RebuildProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Progress of one rebuild, read by the status endpoint while the rebuild thread writes it. */
final class RebuildRun {
    private final Instant startedAt = Instant.now();
    private final long total;
    private final AtomicLong done = new AtomicLong();

    RebuildRun(long total) {
        this.total = total;
    }

    void applied(long events) {
        done.addAndGet(events);
    }

    RebuildProgress progress() {
        long seconds = Math.max(1, Duration.between(startedAt, Instant.now()).toMillis());
        double rate = done.get() * 1000.0 / seconds;
        return new RebuildProgress(done.get(), Math.max(total, done.get()), Math.round(rate * 10) / 10.0, startedAt);
    }
}
