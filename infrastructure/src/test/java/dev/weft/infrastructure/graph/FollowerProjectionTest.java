package dev.weft.infrastructure.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.graph.FollowIds;
import dev.weft.domain.graph.FollowerEndpoints;
import dev.weft.domain.graph.RemoteActorFollowRequestedEvent;
import dev.weft.domain.graph.RemoteFollowAcceptedEvent;
import dev.weft.domain.graph.RemoteFollowRequestedEvent;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.domain.remotepeople.RemotePersonIds;
import dev.weft.domain.shared.RemoteActor;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** An erased remote person leaves no follow either way, and the counts follow the rows. */
class FollowerProjectionTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private final FollowerProjection projection = new FollowerProjection(JDBC);
    private final String accountId = UUID.randomUUID().toString();
    private final RemoteActor gone = RemoteActor.of("https://gone.example/users/g" + UUID.randomUUID());
    private final RemoteActor staying = RemoteActor.of("https://stays.example/users/s" + UUID.randomUUID());

    @Test
    void anErasedPersonsFollowsBothWaysGoAndTheFollowerCountDropsByTheAcceptedOne() {
        followedBy(gone);
        followedBy(staying);
        projection.on(new RemoteActorFollowRequestedEvent(FollowIds.outgoing(accountId, gone.actorId()), accountId, AT,
                new FollowerEndpoints(gone, gone.actorId() + "/inbox", null)), AT, UUID.randomUUID().toString());
        assertThat(acceptedFollowers()).isEqualTo(2);

        projection.on(new RemotePersonErasedEvent(RemotePersonIds.of(gone.actorId()), gone.actorId(), gone.host(),
                "urn:weft:erased:k3", AT.plusSeconds(60)));

        assertThat(acceptedFollowers()).isEqualTo(1);
        assertThat(rowsNaming(gone.actorId())).isZero();
        assertThat(JDBC.queryForObject("SELECT count(*) FROM followers.follower WHERE account_id = ?", Long.class,
                accountId)).isEqualTo(1);
    }

    private void followedBy(RemoteActor actor) {
        String followId = FollowIds.incoming(accountId, actor.actorId());
        projection.on(new RemoteFollowRequestedEvent(followId, accountId, actor.actorId() + "#follow", AT,
                new FollowerEndpoints(actor, actor.actorId() + "/inbox", null)), AT, UUID.randomUUID().toString());
        projection.on(new RemoteFollowAcceptedEvent(followId, accountId, AT, actor), AT, UUID.randomUUID().toString());
    }

    private long acceptedFollowers() {
        return JDBC.queryForObject("SELECT coalesce(sum(accepted), 0) FROM followers.follower_count WHERE account_id = ?",
                Long.class, accountId);
    }

    private long rowsNaming(String actorId) {
        return JDBC.queryForObject("SELECT (SELECT count(*) FROM followers.follower WHERE actor_id = ?) + (SELECT "
                + "count(*) FROM followers.following WHERE actor_id = ?)", Long.class, actorId, actorId);
    }
}
