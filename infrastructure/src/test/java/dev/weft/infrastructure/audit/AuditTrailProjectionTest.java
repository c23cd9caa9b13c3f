package dev.weft.infrastructure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.audit.AuditEntryView;
import dev.weft.application.shared.PageRequest;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail's entries for delivery attempts, stored one by one or in batches, on real PostgreSQL. */
class AuditTrailProjectionTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final AuditTrailProjection projection = new AuditTrailProjection(JDBC);
    private static final JdbcAuditTrailReader reader = new JdbcAuditTrailReader(JDBC);

    private final String accountId = UUID.randomUUID().toString();
    private final String postId = UUID.randomUUID().toString();
    private final Destination one = Destination.server("one.example");
    private final Destination two = Destination.server("two.example");

    private List<AuditEntryView> entries() {
        return reader.entriesOf(accountId, null, PageRequest.of(null, 50)).items();
    }

    @Test
    void aBatchGivesTheEntriesItsAttemptsWouldHaveGivenOneByOne() {
        projection.on(new CopyDeliveryAttemptedEvent(CopyIds.of(postId, one), postId, accountId, one, 1,
                DeliveryOutcome.DELIVERED, 202, null, null, null, null, AT, "https://one.example/inbox"), AT, "single");
        List<AuditEntryView> single = entries();
        String eventId = UUID.randomUUID().toString();
        projection.on(new CopyDeliveriesAttemptedEvent("report-1", postId, accountId, List.of(
                new CopyDeliveryAttempt(CopyIds.of(postId, one), one, 1, DeliveryOutcome.DELIVERED, 202, null, null,
                        AT, "https://one.example/inbox"),
                new CopyDeliveryAttempt(CopyIds.of(postId, two), two, 2, DeliveryOutcome.FAILED, 410, "Gone", null,
                        AT, "https://two.example/inbox"))), AT, eventId);

        List<AuditEntryView> all = entries();
        assertThat(all).hasSize(3);
        AuditEntryView batchedOne = all.stream().filter(e -> e.id().equals(eventId + "#0")).findFirst().orElseThrow();
        assertThat(batchedOne).usingRecursiveComparison().ignoringFields("position", "id")
                .isEqualTo(single.get(0));
        assertThat(all).filteredOn(e -> e.id().equals(eventId + "#1")).singleElement()
                .extracting(AuditEntryView::kind, AuditEntryView::recipient, AuditEntryView::detail)
                .containsExactly("post_copy_failed", "two.example", "attempt 2, http status 410, Gone");
    }

    @Test
    void aRedeliveredBatchAddsNoEntry() {
        CopyDeliveriesAttemptedEvent batch = new CopyDeliveriesAttemptedEvent("report-1", postId, accountId, List.of(
                new CopyDeliveryAttempt(CopyIds.of(postId, one), one, 1, DeliveryOutcome.DELIVERED, 202, null, null,
                        AT, null)));
        String eventId = UUID.randomUUID().toString();
        projection.on(batch, AT, eventId);
        projection.on(batch, AT, eventId);
        assertThat(entries()).hasSize(1);
    }
}
