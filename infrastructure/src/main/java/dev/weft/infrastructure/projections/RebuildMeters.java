package dev.weft.infrastructure.projections;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Rebuilds as operators graph them, on the node that runs them: events replayed per
 * projection, whose rate is the rebuild's speed, and how each rebuild ended.
 */
@Component
public class RebuildMeters {
    public static final String EVENTS = "weft.projection.rebuild.events";
    public static final String ENDED = "weft.projection.rebuilds";
    private final MeterRegistry registry;

    public RebuildMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void replayed(String projection, long events) {
        registry.counter(EVENTS, "processor", projection).increment(events);
    }

    void succeeded(String projection) {
        registry.counter(ENDED, "processor", projection, "outcome", "succeeded").increment();
    }

    void failed(String projection) {
        registry.counter(ENDED, "processor", projection, "outcome", "failed").increment();
    }
}
