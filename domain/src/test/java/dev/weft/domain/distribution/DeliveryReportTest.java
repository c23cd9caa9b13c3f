package dev.weft.domain.distribution;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch of one post's delivery attempts to fediverse servers, recorded as one event. */
class DeliveryReportTest {
    private static final String POST_ID = "post-1";
    private static final String ACCOUNT_ID = "account-1";
    private static final Destination ONE = Destination.server("one.example");
    private static final Destination TWO = Destination.server("two.example");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final Instant RETRY_AT = Instant.parse("2026-11-02T09:35:00Z");
    private static final String REPORT_ID = DeliveryReport.idOf(POST_ID, List.of("d1/1", "d2/1"));

    private FixtureConfiguration<DeliveryReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeliveryReport.class);
    }

    private static CopyDeliveryAttempt delivered(Destination server) {
        return new CopyDeliveryAttempt(CopyIds.of(POST_ID, server), server, 1, DeliveryOutcome.DELIVERED, 202, null,
                null, AT, "https://" + server.key() + "/inbox");
    }

    private static CopyDeliveryAttempt retrying(Destination server) {
        return new CopyDeliveryAttempt(CopyIds.of(POST_ID, server), server, 2, DeliveryOutcome.RETRY_SCHEDULED, 503,
                "Service Unavailable", RETRY_AT, AT, "https://" + server.key() + "/inbox");
    }

    private static RecordCopyDeliveriesCommand record(List<CopyDeliveryAttempt> attempts) {
        return new RecordCopyDeliveriesCommand(REPORT_ID, POST_ID, ACCOUNT_ID, attempts);
    }

    @Test
    void recordingABatchEmitsOneEventWithEveryAttempt() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(delivered(ONE), retrying(TWO))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CopyDeliveriesAttemptedEvent(REPORT_ID, POST_ID, ACCOUNT_ID,
                        List.of(delivered(ONE), retrying(TWO))));
    }

    @Test
    void aBatchWithoutAttemptsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(record(List.of()))
                .expectNoEvents()
                .expectException(onField("attempts"))
                .expectExceptionMessage(containsString("at least one attempt"));
    }

    @Test
    void aBatchLargerThanTheBoundIsRefused() {
        List<CopyDeliveryAttempt> many = new ArrayList<>(Collections.nCopies(DeliveryReport.MAX_ATTEMPTS + 1,
                delivered(ONE)));
        fixture.givenNoPriorActivity()
                .when(record(many))
                .expectNoEvents()
                .expectException(onField("attempts"))
                .expectExceptionMessage(containsString("at most " + DeliveryReport.MAX_ATTEMPTS));
    }

    @Test
    void aBatchWithoutAPostIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordCopyDeliveriesCommand(REPORT_ID, null, ACCOUNT_ID, List.of(delivered(ONE))))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("postId"));
    }

    @Test
    void aBatchWithoutAnAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordCopyDeliveriesCommand(REPORT_ID, POST_ID, " ", List.of(delivered(ONE))))
                .expectNoEvents()
                .expectException(onField("accountId"));
    }

    @Test
    void anAttemptOnAnotherPostsCopyIsRefused() {
        CopyDeliveryAttempt stray = new CopyDeliveryAttempt(CopyIds.of("post-2", ONE), ONE, 1,
                DeliveryOutcome.DELIVERED, 202, null, null, AT, null);
        fixture.givenNoPriorActivity()
                .when(record(List.of(delivered(TWO), stray)))
                .expectNoEvents()
                .expectException(onField("copyId"))
                .expectExceptionMessage(containsString("is not post post-1's copy at one.example"));
    }

    @Test
    void anAttemptToALinkedAccountIsRefused() {
        Destination linked = Destination.linkedAccount("link-1", Platform.MASTODON);
        CopyDeliveryAttempt crossPost = new CopyDeliveryAttempt(CopyIds.of(POST_ID, linked), linked, 1,
                DeliveryOutcome.DELIVERED, 200, null, null, AT, null);
        fixture.givenNoPriorActivity()
                .when(record(List.of(crossPost)))
                .expectNoEvents()
                .expectException(onField("destination"));
    }

    @Test
    void anAttemptWithoutAnOutcomeIsRefused() {
        CopyDeliveryAttempt unknown = new CopyDeliveryAttempt(CopyIds.of(POST_ID, ONE), ONE, 1, null, 500, null,
                null, AT, null);
        fixture.givenNoPriorActivity()
                .when(record(List.of(unknown)))
                .expectNoEvents()
                .expectException(onField("outcome"))
                .expectExceptionMessage(containsString("a delivery outcome is required"));
    }

    @Test
    void anAttemptNumberedBelowOneIsRefused() {
        CopyDeliveryAttempt zeroth = new CopyDeliveryAttempt(CopyIds.of(POST_ID, ONE), ONE, 0,
                DeliveryOutcome.DELIVERED, 202, null, null, AT, null);
        fixture.givenNoPriorActivity()
                .when(record(List.of(zeroth)))
                .expectNoEvents()
                .expectException(onField("attempt"));
    }

    @Test
    void theSameAttemptsGiveTheSameReportAndOthersAnother() {
        assertThat(DeliveryReport.idOf(POST_ID, List.of("d1/1", "d2/1"))).isEqualTo(REPORT_ID)
                .isNotEqualTo(DeliveryReport.idOf(POST_ID, List.of("d1/1", "d2/2")))
                .isNotEqualTo(DeliveryReport.idOf("post-2", List.of("d1/1", "d2/1")));
    }
}
