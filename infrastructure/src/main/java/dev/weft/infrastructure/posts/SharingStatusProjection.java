package dev.weft.infrastructure.posts;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttemptedEvent;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.CrossPostFailedEvent;
import dev.weft.domain.distribution.CrossPostHeldForReauthorizationEvent;
import dev.weft.domain.distribution.CrossPostPartPublishedEvent;
import dev.weft.domain.distribution.CrossPostResumedEvent;
import dev.weft.domain.distribution.CrossPostRetryRequestedEvent;
import dev.weft.domain.distribution.CrossPostRetryScheduledEvent;
import dev.weft.domain.distribution.CrossPostWithdrawnEvent;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.RemoteDeletionAbandonedEvent;
import dev.weft.domain.distribution.RemoteDeletionAlreadyGoneEvent;
import dev.weft.domain.distribution.RemoteDeletionDeliveredEvent;
import dev.weft.domain.distribution.RemoteDeletionFailedEvent;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.distribution.RemoteHolderObservedEvent;
import dev.weft.domain.engagement.RemoteLikeRecordedEvent;
import dev.weft.domain.engagement.RemoteLikeUndoneEvent;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.RemoteReplyRemovedEvent;
import dev.weft.domain.engagement.RemoteRepostRecordedEvent;
import dev.weft.domain.engagement.RemoteRepostUndoneEvent;
import dev.weft.domain.posts.PostDeletedEvent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.infrastructure.projections.JdbcProjection;
import java.time.Instant;
import java.util.Arrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per post: each copy's delivery and deletion state (with the parts of a copy published as
 * a thread), and the remote likes, replies and reposts.
 */
@Component
@ProcessingGroup(SharingStatusProjection.NAME)
@Order(0)
public class SharingStatusProjection extends JdbcProjection {
    public static final String NAME = ProcessingGroups.SHARING_STATUS;
    public static final String SCHEMA = "sharing_status";

    @Autowired
    public SharingStatusProjection(JdbcTemplate jdbc) {
        this(jdbc, SCHEMA);
    }

    private SharingStatusProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, NAME, SCHEMA, schema);
    }

    @Override
    public JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc) {
        return new SharingStatusProjection(otherJdbc, otherSchema);
    }

    @EventHandler
    void on(PostPublishedEvent event) {
        writeFor(post(event.postId()), "INSERT INTO " + table("post") + " (post_id, account_id, shared_to_fediverse, consent_version, "
                        + "fediverse_withheld, deleted, like_count, reply_count, repost_count) "
                        + "VALUES (?, ?, ?, ?, ?, false, 0, 0, 0) ON CONFLICT (post_id) DO NOTHING",
                event.postId(), event.accountId(), event.sharedToFediverse(), event.consentVersion(),
                event.fediverseWithheld());
    }

    @EventHandler
    void on(PostDeletedEvent event) {
        writeFor(post(event.postId()), "UPDATE " + table("post") + " SET deleted = true WHERE post_id = ?", event.postId());
    }

    /** A batch's copies are the rows its copies' own events would have made. */
    @EventHandler
    void on(PostCopiesScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        eachInBatches(this, eventId, event.each(), (p, id, copy) -> p.on(copy, at, id));
    }

    @EventHandler
    void on(PostCopyScheduledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        writeFor(copy(event.copyId()), "INSERT INTO " + table("copy") + " (copy_id, post_id, account_id, kind, destination, platform, "
                        + "consent_version, state, attempts, scheduled_at, position) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT (copy_id) DO UPDATE "
                        + "SET state = 'PENDING', consent_version = EXCLUDED.consent_version, "
                        + "scheduled_at = EXCLUDED.scheduled_at WHERE " + table("copy") + ".state = 'NOT_SENT'",
                event.copyId(), event.postId(), event.accountId(), event.destination().kind().name(),
                event.destination().key(),
                event.destination().platform() == null ? null : event.destination().platform().wireName(),
                event.consentVersion(), ts(event.scheduledAt()), position(at, eventId));
    }

    /**
     * A holder Weft never sent the post to is a copy like any other, so every recall reaches
     * it; one already scheduled keeps its state and learns only how the server came by it.
     */
    @EventHandler
    void on(RemoteHolderObservedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        writeFor(copy(event.copyId()), "INSERT INTO " + table("copy") + " (copy_id, post_id, account_id, kind, destination, "
                        + "consent_version, state, attempts, scheduled_at, held_via, evidence_actor_id, position) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'NOT_SENT', 0, ?, ?, ?, ?) ON CONFLICT (copy_id) DO UPDATE "
                        + "SET held_via = EXCLUDED.held_via, evidence_actor_id = EXCLUDED.evidence_actor_id "
                        + "WHERE " + table("copy") + ".held_via IS NULL",
                event.copyId(), event.postId(), event.accountId(), event.destination().kind().name(),
                event.destination().key(), event.consentVersion(), ts(event.observedAt()), event.channel().name(),
                event.evidenceActorId(), position(at, eventId));
    }

    @EventHandler
    void on(CopyDeliveryAttemptedEvent event) {
        attempted(event.copyId(), event.outcome(), event.attempt(), event.httpStatus(), event.attemptedAt(),
                event.nextAttemptAt(), event.error(), event.remoteId(), event.remoteUrl());
    }

    @EventHandler
    void on(CopyDeliveriesAttemptedEvent event) {
        inBatches(this, p -> event.attempts().forEach(a -> p.attempted(a.copyId(), a.outcome(), a.attempt(),
                a.httpStatus(), a.attemptedAt(), a.nextAttemptAt(), a.error(), null, null)));
    }

    private void attempted(String copyId, DeliveryOutcome outcome, int attempt, Integer httpStatus,
                           Instant attemptedAt, Instant nextAttemptAt, String error, String remoteId,
                           String remoteUrl) {
        writeFor(copy(copyId), "UPDATE " + table("copy") + " SET state = ?, attempts = ?, last_http_status = ?, "
                        + "last_attempt_at = ?, next_attempt_at = ?, error = ?, remote_id = COALESCE(?, remote_id), "
                        + "remote_url = COALESCE(?, remote_url) WHERE copy_id = ?",
                outcome.name(), attempt, httpStatus, ts(attemptedAt), ts(nextAttemptAt), error, remoteId, remoteUrl,
                copyId);
    }

    @EventHandler
    void on(RemoteDeletionRequestedEvent event) {
        writeFor(copy(event.copyId()), "UPDATE " + table("copy") + " SET deletion_state = 'REQUESTED', deletion_reason = ?, "
                + "deletion_requested_at = ? WHERE copy_id = ?", event.reason().name(), ts(event.requestedAt()),
                event.copyId());
    }

    @EventHandler
    void on(RemoteDeletionDeliveredEvent event) {
        deletionOutcome(event.copyId(), "DELIVERED", null, event.deliveredAt());
    }

    @EventHandler
    void on(RemoteDeletionFailedEvent event) {
        writeFor(copy(event.copyId()), "UPDATE " + table("copy") + " SET deletion_state = 'FAILED', deletion_detail = ? WHERE copy_id = ?",
                event.reason(), event.copyId());
    }

    @EventHandler
    void on(RemoteDeletionAbandonedEvent event) {
        deletionOutcome(event.copyId(), "ABANDONED", event.reason(), event.abandonedAt());
    }

    @EventHandler
    void on(RemoteDeletionAlreadyGoneEvent event) {
        deletionOutcome(event.copyId(), "ALREADY_GONE", event.reason(), event.confirmedAt());
    }

    /** deletion_delivered_at stays the moment a deletion was confirmed delivered, for the fediverse's readers. */
    private void deletionOutcome(String copyId, String state, String detail, Instant endedAt) {
        writeFor(copy(copyId), "UPDATE " + table("copy") + " SET deletion_state = ?, deletion_detail = ?, deletion_ended_at = ?, "
                        + "deletion_delivered_at = ? WHERE copy_id = ?", state, detail, ts(endedAt),
                ts(state.equals("DELIVERED") ? endedAt : null), copyId);
    }

    @EventHandler
    void on(CrossPostPartPublishedEvent event) {
        writeFor(copy(event.copyId()), "INSERT INTO " + table("copy_part") + " (copy_id, part, remote_id, remote_url, published_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.copyId(), event.part(),
                event.remoteId(), event.remoteUrl(), ts(event.publishedAt()));
        writeFor(copy(event.copyId()), "UPDATE " + table("copy") + " SET attempts = ?, parts = ?, last_attempt_at = ?, "
                        + "next_attempt_at = NULL, error = NULL, last_http_status = NULL WHERE copy_id = ?",
                event.attempt(), event.parts(), ts(event.publishedAt()), event.copyId());
        if (event.part() == 1) {
            writeFor(copy(event.copyId()), "UPDATE " + table("copy") + " SET remote_id = ?, remote_url = ? WHERE copy_id = ?",
                    event.remoteId(), event.remoteUrl(), event.copyId());
        }
        writeFor(copy(event.copyId()), "UPDATE " + table("copy") + " c SET state = 'PUBLISHED', confirmed_at = ? WHERE c.copy_id = ? "
                + "AND (SELECT count(*) FROM " + table("copy_part") + " p WHERE p.copy_id = c.copy_id) >= c.parts",
                ts(event.publishedAt()), event.copyId());
    }

    @EventHandler
    void on(CrossPostRetryScheduledEvent event) {
        crossPostAttempt(event.copyId(), "PENDING", event.attempt(), event.httpStatus(), event.error(),
                event.nextAttemptAt(), event.attemptedAt());
    }

    @EventHandler
    void on(CrossPostFailedEvent event) {
        crossPostAttempt(event.copyId(), "FAILED", event.attempt(), event.httpStatus(), event.error(), null,
                event.failedAt());
    }

    @EventHandler
    void on(CrossPostHeldForReauthorizationEvent event) {
        crossPostAttempt(event.copyId(), "HELD", event.attempt(), event.httpStatus(), event.error(), null,
                event.heldAt());
    }

    private void crossPostAttempt(String copyId, String state, int attempt, Integer httpStatus, String error,
                                  Instant next, Instant at) {
        writeFor(copy(copyId), "UPDATE " + table("copy") + " SET state = ?, attempts = ?, last_http_status = ?, error = ?, "
                + "next_attempt_at = ?, last_attempt_at = ? WHERE copy_id = ?", state, attempt, httpStatus, error,
                ts(next), ts(at), copyId);
    }

    @EventHandler
    void on(CrossPostResumedEvent event) {
        comesDue(event.copyId(), event.resumedAt());
    }

    @EventHandler
    void on(CrossPostRetryRequestedEvent event) {
        comesDue(event.copyId(), event.requestedAt());
    }

    private void comesDue(String copyId, Instant at) {
        writeFor(copy(copyId), "UPDATE " + table("copy") + " SET state = 'PENDING', next_attempt_at = ? WHERE copy_id = ?",
                ts(at), copyId);
    }

    @EventHandler
    void on(CrossPostWithdrawnEvent event) {
        writeFor(copy(event.copyId()), "UPDATE " + table("copy") + " SET state = 'WITHDRAWN', error = ?, next_attempt_at = NULL "
                + "WHERE copy_id = ?", event.reason(), event.copyId());
    }

    @EventHandler
    void on(RemoteLikeRecordedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        counted(event.postId(), "like_count", 1, "INSERT INTO " + table("post_like") + " (post_id, actor_id, activity_id, "
                        + "liked_at, position) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.postId(),
                event.actor().actorId(), event.activityId(), ts(event.likedAt()), position(at, eventId));
    }

    @EventHandler
    void on(RemoteLikeUndoneEvent event) {
        counted(event.postId(), "like_count", -1, "DELETE FROM " + table("post_like") + " WHERE post_id = ? AND actor_id = ?",
                event.postId(), event.actor().actorId());
    }

    @EventHandler
    void on(RemoteReplyRecordedEvent event) {
        counted(event.postId(), "reply_count", 1, "INSERT INTO " + table("post_reply") + " (post_id, reply_id, actor_id, "
                        + "text, replied_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.postId(),
                event.replyId(), event.actor().actorId(), event.content().text(), ts(event.repliedAt()));
    }

    @EventHandler
    void on(RemoteReplyRemovedEvent event) {
        counted(event.postId(), "reply_count", -1, "DELETE FROM " + table("post_reply") + " WHERE post_id = ? "
                + "AND reply_id = ?", event.postId(), event.replyId());
    }

    @EventHandler
    void on(RemoteRepostRecordedEvent event) {
        counted(event.postId(), "repost_count", 1, "INSERT INTO " + table("post_repost") + " (post_id, actor_id, "
                        + "activity_id, reposted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", event.postId(),
                event.actor().actorId(), event.activityId(), ts(event.repostedAt()));
    }

    @EventHandler
    void on(RemoteRepostUndoneEvent event) {
        counted(event.postId(), "repost_count", -1, "DELETE FROM " + table("post_repost") + " WHERE post_id = ? "
                + "AND actor_id = ?", event.postId(), event.actor().actorId());
    }

    /**
     * Adds or removes an engagement row and moves the post's count by the rows it really
     * changed, in one statement: a repeated or unmatched event changes nothing, and no row
     * count has to be read back (a rebuild sends these in batches).
     */
    private void counted(String postId, String column, int direction, String change, Object... args) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = postId;
        writeFor(post(postId), "WITH changed AS (" + change + " RETURNING post_id) UPDATE " + table("post") + " SET "
                + column + " = " + column + (direction > 0 ? " + " : " - ") + "(SELECT count(*) FROM changed) "
                + "WHERE post_id = ?", all);
    }

    private static String post(String postId) {
        return "post:" + postId;
    }

    private static String copy(String copyId) {
        return "copy:" + copyId;
    }

    /** Who engaged with the erased account's posts goes; its copies keep their ids, not their links or witnesses. */
    @EventHandler
    void on(AccountErasedEvent event) {
        for (String engaged : new String[] {"post_like", "post_reply", "post_repost"}) {
            write("DELETE FROM " + table(engaged) + " WHERE post_id IN (SELECT post_id FROM " + table("post")
                    + " WHERE account_id = ?)", event.accountId());
        }
        write("UPDATE " + table("copy") + " SET remote_url = NULL, evidence_actor_id = NULL WHERE account_id = ?",
                event.accountId());
        write("UPDATE " + table("copy_part") + " SET remote_url = NULL WHERE copy_id IN (SELECT copy_id FROM "
                + table("copy") + " WHERE account_id = ?)", event.accountId());
    }

    /**
     * An erased person's likes, replies and reposts were undone before; any left go, with
     * their counts. A copy they witnessed keeps the witness as the placeholder a rebuild
     * reads from the sealed events, so both agree.
     */
    @EventHandler
    void on(RemotePersonErasedEvent event) {
        uncounted("post_like", "like_count", event.actorId());
        uncounted("post_reply", "reply_count", event.actorId());
        uncounted("post_repost", "repost_count", event.actorId());
        write("UPDATE " + table("copy") + " SET evidence_actor_id = ? WHERE evidence_actor_id = ?", event.erasedAs(),
                event.actorId());
    }

    private void uncounted(String engaged, String column, String actorId) {
        write("WITH gone AS (DELETE FROM " + table(engaged) + " WHERE actor_id = ? RETURNING post_id) UPDATE "
                + table("post") + " p SET " + column + " = p." + column + " - g.n FROM (SELECT post_id, count(*) AS n "
                + "FROM gone GROUP BY post_id) g WHERE p.post_id = g.post_id", actorId);
    }
}
