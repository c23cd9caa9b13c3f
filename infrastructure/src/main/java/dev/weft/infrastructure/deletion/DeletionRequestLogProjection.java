package dev.weft.infrastructure.deletion;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.distribution.RemoteDeletionAbandonedEvent;
import dev.weft.domain.distribution.RemoteDeletionAlreadyGoneEvent;
import dev.weft.domain.distribution.RemoteDeletionDeliveredEvent;
import dev.weft.domain.distribution.RemoteDeletionFailedEvent;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.infrastructure.projections.JdbcProjection;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each deletion Weft asked of a destination, why, and how it ended. */
@Component
@ProcessingGroup(DeletionRequestLogProjection.NAME)
@Order(0)
public class DeletionRequestLogProjection extends JdbcProjection {
    public static final String NAME = ProcessingGroups.DELETION_REQUESTS;
    public static final String SCHEMA = "deletion_requests";

    @Autowired
    public DeletionRequestLogProjection(JdbcTemplate jdbc) {
        this(jdbc, SCHEMA);
    }

    private DeletionRequestLogProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, NAME, SCHEMA, schema);
    }

    @Override
    public JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc) {
        return new DeletionRequestLogProjection(otherJdbc, otherSchema);
    }

    @EventHandler
    void on(RemoteDeletionRequestedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        writeFor(event.copyId(), "INSERT INTO " + table("request") + " (copy_id, account_id, post_id, kind, destination, platform, "
                        + "reason, requested_at, outcome, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) "
                        + "ON CONFLICT (copy_id) DO NOTHING",
                event.copyId(), event.accountId(), event.postId(), event.destination().kind().name(),
                event.destination().key(),
                event.destination().platform() == null ? null : event.destination().platform().wireName(),
                event.reason().name(), ts(event.requestedAt()), position(at, eventId));
    }

    @EventHandler
    void on(RemoteDeletionDeliveredEvent event) {
        outcome(event.copyId(), "DELIVERED", null, event.deliveredAt());
    }

    @EventHandler
    void on(RemoteDeletionFailedEvent event) {
        outcome(event.copyId(), "FAILED", event.reason(), event.failedAt());
    }

    @EventHandler
    void on(RemoteDeletionAbandonedEvent event) {
        outcome(event.copyId(), "ABANDONED", event.reason(), event.abandonedAt());
    }

    @EventHandler
    void on(RemoteDeletionAlreadyGoneEvent event) {
        outcome(event.copyId(), "ALREADY_GONE", event.reason(), event.confirmedAt());
    }

    private void outcome(String copyId, String outcome, String reason, Instant at) {
        writeFor(copyId, "UPDATE " + table("request") + " SET outcome = ?, outcome_reason = ?, outcome_at = ? "
                + "WHERE copy_id = ?", outcome, reason, ts(at), copyId);
    }
}
