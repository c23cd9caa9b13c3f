package dev.weft.application.federation.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts delivery attempts by how they ended, the server they went to and what they carried,
 * so an operator sees a failing server or a stream of failed Deletes without reading the
 * outbox.
 */
@Component
public class DeliveryMeters {
    public static final String ATTEMPTS = "weft.deliveries";
    private final MeterRegistry registry;

    public DeliveryMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempted(DeliveryAttempt attempt) {
        registry.counter(ATTEMPTS, "outcome", lower(attempt.outcome().name()), "host", attempt.host(),
                "purpose", lower(attempt.purpose().name())).increment();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
