package dev.weft.infrastructure.metrics;

import dev.weft.application.projections.ProjectionStatus;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One look at the engine's backlogs and projections. Ages are in seconds and zero when
 * nothing waits; projections are keyed by processor name, and one not found reads NaN.
 */
record EngineReading(long outboxPending, double oldestDueDeliverySeconds, long inboxWaiting,
                     double oldestInboxActivitySeconds, long crossPostsPending,
                     Map<String, ProjectionStatus> projections) {

    double lag(String processor) {
        return of(processor, ProjectionStatus::lag);
    }

    double position(String processor) {
        return of(processor, ProjectionStatus::position);
    }

    double deadLetters(String processor) {
        return of(processor, ProjectionStatus::deadLetters);
    }

    double rebuilding(String processor) {
        return of(processor, status -> status.progress() == null ? 0 : 1);
    }

    /** The share of the events a running rebuild has replayed; zero when none runs. */
    double rebuildProgress(String processor) {
        return of(processor, status -> status.progress() == null || status.progress().eventsTotal() <= 0 ? 0
                : Math.min(1.0, (double) status.progress().eventsDone() / status.progress().eventsTotal()));
    }

    private double of(String processor, ToDoubleFunction<ProjectionStatus> value) {
        ProjectionStatus status = projections.get(processor);
        return status == null ? Double.NaN : value.applyAsDouble(status);
    }
}
