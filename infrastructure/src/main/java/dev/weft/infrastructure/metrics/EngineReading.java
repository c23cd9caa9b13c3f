package dev.weft.infrastructure.metrics;

import dev.weft.application.projections.ProjectionStatus;
import java.util.Map;

/**
 * One look at the engine's backlogs and projections. Ages are in seconds and zero when
 * nothing waits; projections are keyed by processor name.
 */
record EngineReading(long outboxPending, double oldestDueDeliverySeconds, long inboxWaiting,
                     double oldestInboxActivitySeconds, long crossPostsPending,
                     Map<String, ProjectionStatus> projections) {

    double lag(String processor) {
        ProjectionStatus status = projections.get(processor);
        return status == null ? Double.NaN : status.lag();
    }

    double position(String processor) {
        ProjectionStatus status = projections.get(processor);
        return status == null ? Double.NaN : status.position();
    }

    double deadLetters(String processor) {
        ProjectionStatus status = projections.get(processor);
        return status == null ? Double.NaN : status.deadLetters();
    }

    double rebuilding(String processor) {
        ProjectionStatus status = projections.get(processor);
        return status == null ? Double.NaN : status.progress() == null ? 0 : 1;
    }

    /** The share of the events a running rebuild has replayed; zero when none runs. */
    double rebuildProgress(String processor) {
        ProjectionStatus status = projections.get(processor);
        if (status == null) {
            return Double.NaN;
        }
        if (status.progress() == null || status.progress().eventsTotal() <= 0) {
            return 0;
        }
        return Math.min(1.0, (double) status.progress().eventsDone() / status.progress().eventsTotal());
    }
}
