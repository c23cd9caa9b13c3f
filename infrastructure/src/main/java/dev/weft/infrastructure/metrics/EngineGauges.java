package dev.weft.infrastructure.metrics;

import dev.weft.application.shared.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The engine's backlogs and projections as gauges. The outbox, the inbox queue and the
 * cross-post queue are shared by every node, so each node reports the same depths; the
 * projection positions are as far as this node's processors have read.
 */
@Component
public class EngineGauges implements MeterBinder {
    private final EngineReadings readings;

    public EngineGauges(EngineReadings readings) {
        this.readings = readings;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        backlog(registry, "weft.outbox.pending", null, "deliveries not yet delivered or failed for good",
                EngineReading::outboxPending);
        backlog(registry, "weft.outbox.oldest.due", "seconds", "how long the oldest due delivery has waited",
                EngineReading::oldestDueDeliverySeconds);
        backlog(registry, "weft.inbox.queue.depth", null, "received activities not yet processed",
                EngineReading::inboxWaiting);
        backlog(registry, "weft.inbox.oldest.waiting", "seconds", "how long the oldest unprocessed activity has waited",
                EngineReading::oldestInboxActivitySeconds);
        backlog(registry, "weft.crossposts.pending", null, "cross-post copies waiting to be sent or retried",
                EngineReading::crossPostsPending);
        ProcessingGroups.STREAMING.stream().sorted().forEach(processor -> projection(registry, processor));
    }

    private void projection(MeterRegistry registry, String processor) {
        perProcessor(registry, processor, "weft.projection.lag", "events", "events appended but not yet projected",
                EngineReading::lag);
        perProcessor(registry, processor, "weft.projection.position", null, "global index of the last event projected",
                EngineReading::position);
        perProcessor(registry, processor, "weft.projection.dead.letters", null, "events parked as failed",
                EngineReading::deadLetters);
        perProcessor(registry, processor, "weft.projection.rebuilding", null, "1 while a rebuild runs, else 0",
                EngineReading::rebuilding);
        perProcessor(registry, processor, "weft.projection.rebuild.progress", "ratio",
                "share of the events the running rebuild has replayed, 0 when none runs",
                EngineReading::rebuildProgress);
    }

    private void backlog(MeterRegistry registry, String name, String unit, String description,
                         ToDoubleFunction<EngineReading> value) {
        Gauge.builder(name, readings, r -> value.applyAsDouble(r.current())).baseUnit(unit).description(description)
                .strongReference(true).register(registry);
    }

    private void perProcessor(MeterRegistry registry, String processor, String name, String unit, String description,
                              ToDoubleBiFunction<EngineReading, String> value) {
        Gauge.builder(name, readings, r -> value.applyAsDouble(r.current(), processor)).tag("processor", processor)
                .baseUnit(unit).description(description).strongReference(true).register(registry);
    }
}
