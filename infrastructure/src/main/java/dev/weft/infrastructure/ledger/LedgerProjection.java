package dev.weft.infrastructure.ledger;

import dev.weft.application.ledger.LedgerFactKind;
import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.delivery.ActivityDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.CrossPostFailedEvent;
import dev.weft.domain.distribution.CrossPostPartPublishedEvent;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.RemoteDeletionAbandonedEvent;
import dev.weft.domain.distribution.RemoteDeletionAlreadyGoneEvent;
import dev.weft.domain.distribution.RemoteDeletionDeliveredEvent;
import dev.weft.domain.distribution.RemoteDeletionFailedEvent;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.distribution.RemoteHolderObservedEvent;
import dev.weft.domain.posts.PostDeletedEvent;
import dev.weft.domain.posts.PostEditedEvent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import dev.weft.infrastructure.privacy.ErasedText;
import dev.weft.infrastructure.projections.JdbcProjection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger of who holds what: one fact per event that says so, keyed by the event's id,
 * so a replay writes the same rows in the same order. A disclosure is written only when the
 * recipient acknowledged it (a 2xx, a platform's confirmation, its people's own acts), never
 * when it was merely scheduled.
 */
@Component
@ProcessingGroup(LedgerProjection.NAME)
public class LedgerProjection extends JdbcProjection {
    public static final String NAME = ProcessingGroups.LEDGER;
    public static final String SCHEMA = "ledger";

    @Autowired
    public LedgerProjection(JdbcTemplate jdbc) {
        this(jdbc, SCHEMA);
    }

    private LedgerProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, NAME, SCHEMA, schema);
    }

    @Override
    public JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc) {
        return new LedgerProjection(otherJdbc, otherSchema);
    }

    @EventHandler
    void on(FediverseSharingTurnedOnEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.CONSENT_GIVEN, event.turnedOnAt())
                .consent(event.consentVersion()));
    }

    @EventHandler
    void on(FediverseSharingTurnedOffEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.CONSENT_WITHDRAWN, event.turnedOffAt())
                .consent(event.consentVersion()).detail(lower(event.reason())));
    }

    @EventHandler
    void on(PostPublishedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.POST_PUBLISHED, event.publishedAt())
                .post(event.postId()).consent(event.consentVersion())
                .detail(event.sharedToFediverse() ? "shared to the fediverse" : "not shared to the fediverse"));
    }

    @EventHandler
    void on(PostEditedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.POST_EDITED, event.editedAt())
                .post(event.postId()));
    }

    @EventHandler
    void on(PostDeletedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.POST_DELETED, event.deletedAt())
                .post(event.postId()).detail(lower(event.reason())));
    }

    /** A batch's copies are the rows its copies' own events would have made. */
    @EventHandler
    void on(PostCopiesScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        eachInBatches(this, eventId, event.each(), (p, id, copy) -> p.on(copy, at, id));
    }

    @EventHandler
    void on(PostCopyScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.COPY_SCHEDULED, event.scheduledAt())
                .copy(event.postId(), event.copyId(), event.destination()).consent(event.consentVersion()));
    }

    @EventHandler
    void on(CopyDeliveryAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        copyAttempt(at, eventId, event.accountId(), event.postId(), event.asAttempt());
    }

    /** A fact per attempt, so the ledger reads the same whether attempts were stored one by one or in batches. */
    @EventHandler
    void on(CopyDeliveriesAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        eachInBatches(this, eventId, event.attempts(),
                (p, id, attempt) -> p.copyAttempt(at, id, event.accountId(), event.postId(), attempt));
    }

    private void copyAttempt(Instant at, String factId, String accountId, String postId, CopyDeliveryAttempt a) {
        boolean delivered = a.outcome() == DeliveryOutcome.DELIVERED;
        Fact fact = new Fact(at, factId, accountId, delivered ? LedgerFactKind.DISCLOSED
                : LedgerFactKind.DELIVERY_FAILED, a.attemptedAt())
                .copy(postId, a.copyId(), a.destination()).inbox(a.inbox());
        fact(delivered ? fact.channel(HoldingChannel.DELIVERY).detail("HTTP " + a.httpStatus())
                : fact.detail(attemptDetail(a.attempt(), a.httpStatus(), a.error())));
    }

    @EventHandler
    void on(CrossPostPartPublishedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DISCLOSED, event.publishedAt())
                .copy(event.postId(), event.copyId(), event.destination()).channel(HoldingChannel.CROSS_POST)
                .remoteId(event.remoteId()).detail("part " + event.part() + " of " + event.parts()));
    }

    @EventHandler
    void on(CrossPostFailedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DELIVERY_FAILED, event.failedAt())
                .copy(event.postId(), event.copyId(), event.destination())
                .detail(attemptDetail(event.attempt(), event.httpStatus(), event.error())));
    }

    @EventHandler
    void on(RemoteHolderObservedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DISCLOSED, event.observedAt())
                .copy(event.postId(), event.copyId(), event.destination()).channel(event.channel())
                .consent(event.consentVersion()));
    }

    /**
     * A follower's server acknowledging the Accept of its follow (it holds the profile from
     * then on), an edit's Update reaching a copy's server, and the Delete(Person) that
     * recalls the profile.
     */
    @EventHandler
    void on(ActivityDeliveryAttemptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        if ("POST_UPDATE".equals(event.purpose()) && event.copyId() != null
                && event.outcome() == DeliveryOutcome.DELIVERED) {
            postOfCopy(event.copyId()).ifPresent(postId -> fact(new Fact(at, eventId, event.accountId(),
                    LedgerFactKind.REVISION_DISCLOSED, event.attemptedAt())
                    .copy(postId, event.copyId(), Destination.server(event.host())).channel(HoldingChannel.DELIVERY)
                    .inbox(event.inbox())));
        } else if ("FOLLOW_ACCEPT".equals(event.purpose()) && event.outcome() == DeliveryOutcome.DELIVERED) {
            fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.PROFILE_DISCLOSED, event.attemptedAt())
                    .destination(Destination.server(event.host())).channel(HoldingChannel.DELIVERY)
                    .inbox(event.inbox()).detail("the Accept of a follow was delivered"));
        } else if ("ACTOR_DELETE".equals(event.purpose())) {
            fact(new Fact(at, eventId, event.accountId(), profileDeletion(event.outcome()), event.attemptedAt())
                    .destination(Destination.server(event.host())).inbox(event.inbox())
                    .detail(attemptDetail(event.attempt(), event.httpStatus(), event.error())));
        }
    }

    @EventHandler
    void on(RemoteDeletionRequestedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DELETION_REQUESTED, event.requestedAt())
                .copy(event.postId(), event.copyId(), event.destination()).detail(lower(event.reason())));
    }

    @EventHandler
    void on(RemoteDeletionDeliveredEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DELETION_DELIVERED, event.deliveredAt())
                .copy(event.postId(), event.copyId(), event.destination()));
    }

    @EventHandler
    void on(RemoteDeletionFailedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DELETION_FAILED, event.failedAt())
                .copy(event.postId(), event.copyId(), event.destination()).detail(event.reason()));
    }

    @EventHandler
    void on(RemoteDeletionAlreadyGoneEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DELETION_ALREADY_GONE, event.confirmedAt())
                .copy(event.postId(), event.copyId(), event.destination()).detail(event.reason()));
    }

    @EventHandler
    void on(RemoteDeletionAbandonedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.DELETION_ABANDONED, event.abandonedAt())
                .copy(event.postId(), event.copyId(), event.destination()).detail(event.reason()));
    }

    @EventHandler
    void on(AccountDeletedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.ACCOUNT_DELETED, event.deletedAt()));
    }

    /** The skeleton stays: ids, destinations, channels, consent versions, times; no inbox and no link. */
    @EventHandler
    void on(AccountErasedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        write("UPDATE " + table("fact") + " SET inbox = NULL, detail = regexp_replace(detail, ?, ?, "
                + "'g') WHERE account_id = ?", ErasedText.PATTERN, ErasedText.REPLACEMENT, event.accountId());
        fact(new Fact(at, eventId, event.accountId(), LedgerFactKind.ACCOUNT_ERASED, event.erasedAt()));
    }

    private java.util.Optional<String> postOfCopy(String copyId) {
        List<String> posts = jdbc.queryForList("SELECT post_id FROM " + table("fact") + " WHERE copy_id = ? "
                + "AND post_id IS NOT NULL LIMIT 1", String.class, copyId);
        return posts.stream().findFirst();
    }

    private static LedgerFactKind profileDeletion(DeliveryOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> LedgerFactKind.DELETION_DELIVERED;
            case RETRY_SCHEDULED -> LedgerFactKind.DELETION_FAILED;
            case FAILED -> LedgerFactKind.DELETION_ABANDONED;
        };
    }

    private static String attemptDetail(int attempt, Integer httpStatus, String error) {
        return "attempt " + attempt + (httpStatus == null ? "" : ", HTTP " + httpStatus)
                + (error == null ? "" : ", " + error);
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private void fact(Fact fact) {
        String inbox = fact.inbox == null || fact.inbox.startsWith(ErasedText.PREFIX) ? null : fact.inbox;
        Destination d = fact.destination;
        write("INSERT INTO " + table("fact") + " (event_id, position, account_id, kind, occurred_at, post_id, "
                        + "copy_id, destination_kind, destination_key, platform, channel, consent_version, remote_id, "
                        + "inbox, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                fact.eventId, position(fact.eventTime, fact.eventId), fact.accountId, fact.kind.name(),
                ts(fact.occurredAt), fact.postId, fact.copyId, d == null ? null : d.kind().name(),
                d == null ? null : d.key(), d == null || d.platform() == null ? null : d.platform().name(),
                fact.channel == null ? null : fact.channel.name(), fact.consent, fact.remoteId, inbox, fact.detail);
    }

    /** A row being made: the event's own coordinates, then what it says. */
    private static final class Fact {
        private final Instant eventTime;
        private final String eventId;
        private final String accountId;
        private final LedgerFactKind kind;
        private final Instant occurredAt;
        private String postId;
        private String copyId;
        private Destination destination;
        private HoldingChannel channel;
        private String consent;
        private String remoteId;
        private String inbox;
        private String detail;

        Fact(Instant eventTime, String eventId, String accountId, LedgerFactKind kind, Instant occurredAt) {
            this.eventTime = eventTime;
            this.eventId = eventId;
            this.accountId = accountId;
            this.kind = kind;
            this.occurredAt = occurredAt;
        }

        Fact post(String id) {
            postId = id;
            return this;
        }

        Fact copy(String post, String copy, Destination to) {
            postId = post;
            copyId = copy;
            destination = to;
            return this;
        }

        Fact destination(Destination to) {
            destination = to;
            return this;
        }

        Fact channel(HoldingChannel value) {
            channel = value;
            return this;
        }

        Fact consent(String value) {
            consent = value;
            return this;
        }

        Fact remoteId(String value) {
            remoteId = value;
            return this;
        }

        Fact inbox(String value) {
            inbox = value;
            return this;
        }

        Fact detail(String value) {
            detail = value;
            return this;
        }
    }
}
