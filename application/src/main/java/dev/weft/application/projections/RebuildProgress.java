package dev.weft.application.projections;

import java.time.Instant;

/** eventsTotal is the event count when the rebuild started; writes since then add to it. */
public record RebuildProgress(long eventsDone, long eventsTotal, double eventsPerSecond, Instant startedAt) {
}
