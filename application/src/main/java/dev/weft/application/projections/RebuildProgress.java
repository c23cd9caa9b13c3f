package dev.weft.application.projections;

import java.time.Instant;

public record RebuildProgress(long eventsDone, long eventsTotal, double eventsPerSecond, Instant startedAt) {
}
