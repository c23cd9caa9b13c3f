package dev.weft.application.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each attempt counts once, under its outcome, its server and what it carried. */
class DeliveryMetersTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMeters meters = new DeliveryMeters(registry);

    @Test
    void attemptsAreCountedByOutcomeHostAndPurpose() {
        meters.attempted(attempt("a.example", DeliveryPurpose.POST_CREATE, AttemptOutcome.DELIVERED));
        meters.attempted(attempt("a.example", DeliveryPurpose.POST_CREATE, AttemptOutcome.DELIVERED));
        meters.attempted(attempt("a.example", DeliveryPurpose.POST_DELETE, AttemptOutcome.RETRY_SCHEDULED));
        meters.attempted(attempt("b.example", DeliveryPurpose.POST_CREATE, AttemptOutcome.FAILED));

        assertThat(count("a.example", "post_create", "delivered")).isEqualTo(2.0);
        assertThat(count("a.example", "post_delete", "retry_scheduled")).isEqualTo(1.0);
        assertThat(count("b.example", "post_create", "failed")).isEqualTo(1.0);
        assertThat(registry.find(DeliveryMeters.ATTEMPTS).tag("host", "b.example").tag("outcome", "delivered")
                .counter()).isNull();
    }

    private double count(String host, String purpose, String outcome) {
        return registry.get(DeliveryMeters.ATTEMPTS).tags("host", host, "purpose", purpose, "outcome", outcome)
                .counter().count();
    }

    private static DeliveryAttempt attempt(String host, DeliveryPurpose purpose, AttemptOutcome outcome) {
        return new DeliveryAttempt("d-1", "account-1", purpose, "https://weft.example/activities/1",
                "https://" + host + "/inbox", host, null, outcome, outcome == AttemptOutcome.DELIVERED ? 202 : 503,
                null, null, AT, 1, null);
    }
}
