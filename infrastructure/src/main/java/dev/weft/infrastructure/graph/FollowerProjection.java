package dev.weft.infrastructure.graph;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountErasedEvent;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.domain.graph.FollowState;
import dev.weft.domain.graph.RemoteActorFollowAcceptedEvent;
import dev.weft.domain.graph.RemoteActorFollowRejectedEvent;
import dev.weft.domain.graph.RemoteActorFollowRequestedEvent;
import dev.weft.domain.graph.RemoteActorUnfollowedEvent;
import dev.weft.domain.graph.RemoteFollowAcceptedEvent;
import dev.weft.domain.graph.RemoteFollowRejectedEvent;
import dev.weft.domain.graph.RemoteFollowRequestedEvent;
import dev.weft.domain.graph.RemoteFollowUndoneEvent;
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
 * Followers and followings. The accepted-follower count is kept as its own row so that an
 * account with a million followers answers its count without scanning them.
 */
@Component
@ProcessingGroup(FollowerProjection.NAME)
@Order(0)
public class FollowerProjection extends JdbcProjection {
    public static final String NAME = ProcessingGroups.FOLLOWERS;
    public static final String SCHEMA = "followers";

    @Autowired
    public FollowerProjection(JdbcTemplate jdbc) {
        this(jdbc, SCHEMA);
    }

    private FollowerProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, NAME, SCHEMA, schema);
    }



    @Override
    public JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc) {
        return new FollowerProjection(otherJdbc, otherSchema);
    }

    @EventHandler
    void on(RemoteFollowRequestedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        leaveAccepted(event.followId());
        jdbc.update("INSERT INTO " + table("follower") + " (follow_id, account_id, actor_id, host, inbox, shared_inbox, "
                        + "activity_id, state, position, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?) "
                        + "ON CONFLICT (follow_id) DO UPDATE SET inbox = EXCLUDED.inbox, "
                        + "shared_inbox = EXCLUDED.shared_inbox, activity_id = EXCLUDED.activity_id, "
                        + "state = 'REQUESTED', position = EXCLUDED.position, "
                        + "requested_at = EXCLUDED.requested_at, accepted_at = NULL",
                event.followId(), event.accountId(), event.follower().actor().actorId(),
                event.follower().actor().host(), event.follower().inbox(), event.follower().sharedInbox(),
                event.activityId(), position(at, eventId), ts(event.requestedAt()));
    }

    @EventHandler
    void on(RemoteFollowAcceptedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        int changed = jdbc.update("UPDATE " + table("follower") + " SET state = 'ACCEPTED', accepted_at = ?, "
                + "position = ? WHERE follow_id = ? AND state <> 'ACCEPTED'", ts(event.acceptedAt()), position(at, eventId),
                event.followId());
        if (changed == 1) {
            jdbc.update("INSERT INTO " + table("follower_count") + " (account_id, accepted) VALUES (?, 1) "
                    + "ON CONFLICT (account_id) DO UPDATE SET accepted = " + table("follower_count")
                    + ".accepted + 1", event.accountId());
        }
    }

    @EventHandler
    void on(RemoteFollowRejectedEvent event) {
        endFollow(event.followId(), FollowState.REJECTED);
    }

    @EventHandler
    void on(RemoteFollowUndoneEvent event) {
        endFollow(event.followId(), FollowState.UNDONE);
    }

    private void endFollow(String followId, FollowState state) {
        leaveAccepted(followId);
        jdbc.update("UPDATE " + table("follower") + " SET state = ? WHERE follow_id = ?", state.name(), followId);
    }

    private void leaveAccepted(String followId) {
        jdbc.update("UPDATE " + table("follower_count") + " c SET accepted = c.accepted - 1 FROM " + table("follower")
                + " f WHERE f.follow_id = ? AND f.state = 'ACCEPTED' AND c.account_id = f.account_id", followId);
    }

    @EventHandler
    void on(RemoteActorFollowRequestedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        jdbc.update("INSERT INTO " + table("following") + " (following_id, account_id, actor_id, host, inbox, state, "
                        + "position, requested_at) VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?) "
                        + "ON CONFLICT (following_id) DO UPDATE SET state = 'REQUESTED', inbox = EXCLUDED.inbox, "
                        + "position = EXCLUDED.position, requested_at = EXCLUDED.requested_at, accepted_at = NULL",
                event.followingId(), event.accountId(), event.target().actor().actorId(),
                event.target().actor().host(), event.target().inbox(), position(at, eventId), ts(event.requestedAt()));
    }

    @EventHandler
    void on(RemoteActorFollowAcceptedEvent event) {
        updateFollowing(event.followingId(), FollowState.ACCEPTED, event.acceptedAt());
    }

    @EventHandler
    void on(RemoteActorFollowRejectedEvent event) {
        updateFollowing(event.followingId(), FollowState.REJECTED, null);
    }

    @EventHandler
    void on(RemoteActorUnfollowedEvent event) {
        updateFollowing(event.followingId(), FollowState.UNDONE, null);
    }

    private void updateFollowing(String followingId, FollowState state, Instant acceptedAt) {
        jdbc.update("UPDATE " + table("following") + " SET state = ?, accepted_at = COALESCE(?, accepted_at) "
                + "WHERE following_id = ?", state.name(), ts(acceptedAt), followingId);
    }

    /** The erased account's followers and follows are its relationships: nothing of them stays. */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.update("DELETE FROM " + table("follower") + " WHERE account_id = ?", event.accountId());
        jdbc.update("DELETE FROM " + table("follower_count") + " WHERE account_id = ?", event.accountId());
        jdbc.update("DELETE FROM " + table("following") + " WHERE account_id = ?", event.accountId());
    }

    /**
     * An erased person's follows, both ways, go whole: the rows would name them. Their follows
     * were undone before, so the counts move only for one that was not.
     */
    @EventHandler
    void on(RemotePersonErasedEvent event) {
        jdbc.update("UPDATE " + table("follower_count") + " c SET accepted = c.accepted - f.n FROM (SELECT account_id, "
                + "count(*) AS n FROM " + table("follower") + " WHERE actor_id = ? AND state = 'ACCEPTED' "
                + "GROUP BY account_id) f WHERE c.account_id = f.account_id", event.actorId());
        jdbc.update("DELETE FROM " + table("follower") + " WHERE actor_id = ?", event.actorId());
        jdbc.update("DELETE FROM " + table("following") + " WHERE actor_id = ?", event.actorId());
    }
}
