package dev.weft.infrastructure.audit;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.delivery.ActivityDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CrossPostFailedEvent;
import dev.weft.domain.distribution.CrossPostHeldForReauthorizationEvent;
import dev.weft.domain.distribution.CrossPostPartPublishedEvent;
import dev.weft.domain.distribution.CrossPostRetryScheduledEvent;
import dev.weft.domain.distribution.CrossPostWithdrawnEvent;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.RemoteDeletionAbandonedEvent;
import dev.weft.domain.distribution.RemoteDeletionAlreadyGoneEvent;
import dev.weft.domain.distribution.RemoteDeletionDeliveredEvent;
import dev.weft.domain.distribution.RemoteDeletionFailedEvent;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.graph.RemoteFollowAcceptedEvent;
import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountReauthorizedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import dev.weft.infrastructure.privacy.ErasedText;
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
 * The data-sharing trail: consents given and withdrawn, every copy queued for a server,
 * every copy a platform confirmed (with the id it gave), every attempt sent or failed,
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
    public JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc) {
        return new AuditTrailProjection(otherJdbc, otherSchema);
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
                event.platform().wireName(), "link:" + event.linkId(), event.copiesToDelete()
                        ? "copies there to be deleted; credentials kept only until then" : "credentials erased");
    }

    @EventHandler
    void on(ExternalAccountReauthorizedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.reauthorizedAt(), "platform_reauthorized",
                "link " + event.linkId(), event.platform().wireName(), "link:" + event.linkId(),
                "fresh credentials given");
    }

    @EventHandler
    void on(RemoteFollowAcceptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.acceptedAt(), "profile_disclosed", "profile and public posts",
                event.actor().host(), null, "follower " + event.actor().actorId());
    }

    /** A copy to a linked account is disclosed only when the platform confirms it, below. */
    /** A batch's copies are the rows its copies' own events would have made. */
    @EventHandler
    void on(PostCopiesScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        eachInBatches(this, eventId, event.each(), (p, id, copy) -> p.on(copy, at, id));
    }

    @EventHandler
    void on(PostCopyScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        if (event.destination().kind() == Destination.Kind.FEDIVERSE_SERVER) {
            entry(at, eventId, event.accountId(), event.scheduledAt(), "post_copy_queued", "post " + event.postId(),
                    event.destination().label(), event.consentVersion(), null);
        }
    }

    @EventHandler
    void on(CrossPostPartPublishedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.publishedAt(), "cross_post_published", "post " + event.postId(),
                event.destination().label(), consentFor(event.destination(), null), "remote id " + event.remoteId()
                        + (event.parts() > 1 ? ", part " + event.part() + " of " + event.parts() : "")
                        + (event.remoteUrl() == null ? "" : ", " + event.remoteUrl()));
    }

    @EventHandler
    void on(CrossPostRetryScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.attemptedAt(), "cross_post_attempt_failed",
                "post " + event.postId(), event.destination().label(), null, crossPostDetail(event.attempt(),
                        event.httpStatus(), event.error()) + ", next attempt " + event.nextAttemptAt());
    }

    @EventHandler
    void on(CrossPostFailedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.failedAt(), "cross_post_failed", "post " + event.postId(),
                event.destination().label(), null, crossPostDetail(event.attempt(), event.httpStatus(),
                        event.error()));
    }

    @EventHandler
    void on(CrossPostHeldForReauthorizationEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.heldAt(), "cross_post_held", "post " + event.postId(),
                event.destination().label(), null, crossPostDetail(event.attempt(), event.httpStatus(),
                        event.error()));
    }

    @EventHandler
    void on(CrossPostWithdrawnEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.withdrawnAt(), "cross_post_withdrawn", "post " + event.postId(),
                event.destination().label(), null, event.reason());
    }

    private static String crossPostDetail(int attempt, Integer httpStatus, String error) {
        return "attempt " + attempt + (httpStatus == null ? "" : ", http status " + httpStatus)
                + (error == null ? "" : ", " + error);
    }

    @EventHandler
    void on(CopyDeliveryAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        copyAttempt(at, eventId, event.accountId(), event.postId(), event.asAttempt());
    }

    /** One entry per attempt, as a single attempt's event gives: the batch is how it was stored, not what happened. */
    @EventHandler
    void on(CopyDeliveriesAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        eachInBatches(this, eventId, event.attempts(),
                (p, id, attempt) -> p.copyAttempt(at, id, event.accountId(), event.postId(), attempt));
    }

    private void copyAttempt(Instant at, String entryId, String accountId, String postId, CopyDeliveryAttempt a) {
        String kind = switch (a.outcome()) {
            case DELIVERED -> "post_copy_delivered";
            case RETRY_SCHEDULED -> "post_copy_attempt_failed";
            case FAILED -> "post_copy_failed";
        };
        entry(at, entryId, accountId, a.attemptedAt(), kind, "post " + postId, a.destination().label(), null,
                "attempt " + a.attempt() + ", http status " + a.httpStatus()
                        + (a.error() == null ? "" : ", " + a.error()));
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
    void on(RemoteDeletionAlreadyGoneEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        entry(at, eventId, event.accountId(), event.confirmedAt(), "deletion_found_already_gone",
                "post " + event.postId(), event.destination().label(), null, event.reason());
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
        write("INSERT INTO " + table("entry") + " (event_id, position, account_id, occurred_at, kind, subject, "
                        + "recipient, consent, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                eventId, position(messageTime, eventId), accountId, ts(occurredAt), kind, subject, recipient, consent, detail);
    }

    /**
     * The trail of an erased account keeps its skeleton (kinds, hosts, platforms, item ids,
     * times, consent versions) and loses every link, IRI and erased value written into it.
     */
    @EventHandler
    void on(AccountErasedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        write("UPDATE " + table("entry") + " SET subject = regexp_replace(subject, ?, ?, 'g'), "
                + "detail = regexp_replace(detail, ?, ?, 'g') WHERE account_id = ?", ErasedText.PATTERN,
                ErasedText.REPLACEMENT, ErasedText.PATTERN, ErasedText.REPLACEMENT, event.accountId());
        entry(at, eventId, event.accountId(), event.erasedAt(), "account_erased", "account", null, null,
                "personal data erased; the key that sealed it is gone");
    }

    /**
     * The trail keeps that a profile was disclosed to the erased person's server, naming them
     * by the placeholder a rebuild reads from the sealed events.
     */
    @EventHandler
    void on(RemotePersonErasedEvent event) {
        write("UPDATE " + table("entry") + " SET detail = replace(detail, ?, ?) WHERE recipient = ? "
                + "AND strpos(detail, ?) > 0", event.actorId(), event.erasedAs(), event.host(), event.actorId());
    }
}
