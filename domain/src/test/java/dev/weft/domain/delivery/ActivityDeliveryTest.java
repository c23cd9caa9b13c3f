package dev.weft.domain.delivery;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.shared.InvalidValueException;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attempts to send a follow, an answer or an update to one inbox, each recorded with its outcome. */
class ActivityDeliveryTest {
    private static final String DELIVERY_ID = "delivery-1";
    private static final String ACCOUNT_ID = "account-1";
    private static final String ACTIVITY = "https://weft.example/follows/f1/accept";
    private static final String INBOX = "https://remote.example/inbox";
    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final Instant RETRY_AT = Instant.parse("2026-11-02T09:35:00Z");

    private FixtureConfiguration<ActivityDelivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ActivityDelivery.class);
    }

    private static RecordActivityDeliveryAttemptCommand attempt(DeliveryOutcome outcome, Integer status, String error,
                                                                Instant next) {
        return new RecordActivityDeliveryAttemptCommand(DELIVERY_ID, ACCOUNT_ID, "FOLLOW_ACCEPT", ACTIVITY, INBOX,
                "remote.example", outcome, status, error, next, AT, null);
    }

    private static ActivityDeliveryAttemptedEvent attempted(int attempt, DeliveryOutcome outcome, Integer status,
                                                            String error, Instant next, Instant at) {
        return new ActivityDeliveryAttemptedEvent(DELIVERY_ID, ACCOUNT_ID, "FOLLOW_ACCEPT", ACTIVITY, INBOX,
                "remote.example", attempt, outcome, status, error, next, at, null);
    }

    @Test
    void theFirstAttemptCreatesTheRecord() {
        fixture.givenNoPriorActivity()
                .when(attempt(DeliveryOutcome.RETRY_SCHEDULED, 503, "HTTP 503", RETRY_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(attempted(1, DeliveryOutcome.RETRY_SCHEDULED, 503, "HTTP 503", RETRY_AT, AT));
    }

    @Test
    void laterAttemptsCountOn() {
        fixture.given(attempted(1, DeliveryOutcome.RETRY_SCHEDULED, 503, "HTTP 503", RETRY_AT, EARLIER),
                        attempted(2, DeliveryOutcome.RETRY_SCHEDULED, null, "timed out", RETRY_AT, EARLIER))
                .when(attempt(DeliveryOutcome.DELIVERED, 202, null, null))
                .expectEvents(attempted(3, DeliveryOutcome.DELIVERED, 202, null, null, AT));
    }

    @Test
    void anAttemptAfterAFinalFailureIsStillRecorded() {
        fixture.given(attempted(1, DeliveryOutcome.FAILED, 410, "HTTP 410", null, EARLIER))
                .when(attempt(DeliveryOutcome.DELIVERED, 202, null, null))
                .expectEvents(attempted(2, DeliveryOutcome.DELIVERED, 202, null, null, AT));
    }

    @Test
    void anAttemptWithoutAnOutcomeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(attempt(null, 500, "?", null))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("outcome"))
                .expectExceptionMessage(containsString("a delivery outcome is required"));
    }
}
