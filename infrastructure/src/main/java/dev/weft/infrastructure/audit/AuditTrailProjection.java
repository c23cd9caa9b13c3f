package dev.weft.infrastructure.audit;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.delivery.ActivityDeliveryAttemptedEvent;
import dev.weft.domain.deletion.RemoteDeletionAbandonedEvent;
import dev.weft.domain.deletion.RemoteDeletionDeliveredEvent;
import dev.weft.domain.deletion.RemoteDeletionFailedEvent;
import dev.weft.domain.deletion.RemoteDeletionRequestedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.graph.RemoteFollowAcceptedEvent;
import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
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

/**
 * The data-sharing trail: consents given and withdrawn, every copy queued, sent or failed,
 * every profile disclosed to a follower's server, every deletion asked and its outcome.
 * Append-only; each row names the event position it came from.
 */
@Component
@ProcessingGroup(AuditTrailProjection.NAME)
@Order(0)
public class AuditTrailProjection extends JdbcProjection {
    public static final String NAME = ProcessingGroups.AUDIT;
    public static final String SCHEMA = "audit";

    @Autowired
    public AuditTrailProjection(JdbcTemplate jdbc) {
        this(jdbc, SCHEMA);
    }

    private AuditTrailProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, NAME, SCHEMA, schema);
    }



    @Override
    public JdbcProjection inSchema(String otherSchema) {
        return new AuditTrailProjection(jdbc, otherSchema);
    }

    @EventHandler
    void on(FediverseSharingTurnedOnEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.turnedOnAt(), "consent_given", "fediverse sharing", "fediverse",
                event.consentVersion(), null);
    }

    @EventHandler
    void on(FediverseSharingTurnedOffEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.turnedOffAt(), "consent_withdrawn", "fediverse sharing", "fediverse",
                event.consentVersion(), "reason: " + event.reason().name().toLowerCase());
    }

    @EventHandler
    void on(ExternalAccountLinkedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.linkedAt(), "platform_linked", "link " + event.linkId(),
                event.platform().wireName(), "link:" + event.linkId(),
                "cross-post by default: " + event.crossPostByDefault());
    }

    @EventHandler
    void on(ExternalAccountUnlinkedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.unlinkedAt(), "platform_unlinked", "link " + event.linkId(),
                event.platform().wireName(), "link:" + event.linkId(), "access token erased");
    }

    @EventHandler
    void on(RemoteFollowAcceptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.acceptedAt(), "profile_disclosed", "profile and public posts",
                event.actor().host(), null, "follower " + event.actor().actorId());
    }

    @EventHandler
    void on(PostCopyScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.scheduledAt(), "post_copy_queued", "post " + event.postId(),
                event.destination().label(), consentFor(event.destination(), event.consentVersion()), null);
    }

    @EventHandler
    void on(CopyDeliveryAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        String kind = switch (event.outcome()) {
            case DELIVERED -> "post_copy_delivered";
            case RETRY_SCHEDULED -> "post_copy_attempt_failed";
            case FAILED -> "post_copy_failed";
        };
        entry(at, eventId, event.accountId(), event.attemptedAt(), kind, "post " + event.postId(),
                event.destination().label(), null, "attempt " + event.attempt() + ", http status "
                        + event.httpStatus() + (event.error() == null ? "" : ", " + event.error()));
    }

    /** Follows, their answers, edits and profile updates: what was sent, to which inbox, and how it ended. */
    @EventHandler
    void on(ActivityDeliveryAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        String kind = switch (event.outcome()) {
            case DELIVERED -> "activity_delivered";
            case RETRY_SCHEDULED -> "activity_attempt_failed";
            case FAILED -> "activity_delivery_failed";
        };
        entry(at, eventId, event.accountId(), event.attemptedAt(), kind,
                event.purpose().toLowerCase() + " " + event.activityId(), event.host(),
                null, "attempt " + event.attempt() + " to " + event.inbox() + ", http status " + event.httpStatus()
                        + (event.error() == null ? "" : ", " + event.error())
                        + (event.nextAttemptAt() == null ? "" : ", next attempt " + event.nextAttemptAt()));
    }

    @EventHandler
    void on(RemoteDeletionRequestedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.requestedAt(), "deletion_requested", "post " + event.postId(),
                event.destination().label(), null, "reason: " + event.reason().name().toLowerCase());
    }

    @EventHandler
    void on(RemoteDeletionDeliveredEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.deliveredAt(), "deletion_delivered", "post " + event.postId(),
                event.destination().label(), null, null);
    }

    @EventHandler
    void on(RemoteDeletionFailedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.failedAt(), "deletion_failed", "post " + event.postId(),
                event.destination().label(), null, event.reason());
    }

    @EventHandler
    void on(RemoteDeletionAbandonedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.abandonedAt(), "deletion_abandoned", "post " + event.postId(),
                event.destination().label(), null, event.reason());
    }

    @EventHandler
    void on(AccountDeletedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.deletedAt(), "account_deleted", "account", null, null,
                "deletion requested from every destination of every post");
    }

    private static String consentFor(Destination destination, String consentVersion) {
        return destination.kind() == Destination.Kind.LINKED_ACCOUNT ? "link:" + destination.key() : consentVersion;
    }

    private void entry(Instant messageTime, String eventId, String accountId, Instant occurredAt, String kind,
                       String subject,
                       String recipient, String consent, String detail) {
        jdbc.update("INSERT INTO " + table("entry") + " (event_id, position, account_id, occurred_at, kind, subject, "
                        + "recipient, consent, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                eventId, position(messageTime, eventId), accountId, ts(occurredAt), kind, subject, recipient, consent, detail);
    }
}
