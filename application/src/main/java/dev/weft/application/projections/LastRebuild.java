package dev.weft.application.projections;

import java.time.Instant;

/** outcome: rebuilding, succeeded or failed (with the error). */
public record LastRebuild(String outcome, String node, Instant startedAt, Instant finishedAt, String error) {
}
