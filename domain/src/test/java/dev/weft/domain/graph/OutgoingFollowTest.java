package dev.weft.domain.graph;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A local account following a remote actor: request, the remote answer, unfollow. */
class OutgoingFollowTest {
    private static final String ACCOUNT_ID = "account-1";
    private static final String CAROL = "https://Remote.Example/users/carol";
    private static final RemoteActor CAROL_ACTOR = new RemoteActor(CAROL, "remote.example");
    private static final String FOLLOWING_ID = FollowIds.outgoing(ACCOUNT_ID, CAROL);
    private static final String INBOX = "https://remote.example/users/carol/inbox";
    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    private FixtureConfiguration<OutgoingFollow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutgoingFollow.class);
    }

    private static FollowRemoteActorCommand follow() {
        return new FollowRemoteActorCommand(FOLLOWING_ID, ACCOUNT_ID, CAROL, INBOX, AT);
    }

    private static RemoteActorFollowRequestedEvent requested() {
        return new RemoteActorFollowRequestedEvent(FOLLOWING_ID, ACCOUNT_ID, EARLIER,
                new FollowerEndpoints(CAROL_ACTOR, INBOX, null));
    }

    private static RemoteActorFollowAcceptedEvent accepted() {
        return new RemoteActorFollowAcceptedEvent(FOLLOWING_ID, ACCOUNT_ID, EARLIER, CAROL_ACTOR);
    }

    private static RemoteActorFollowRejectedEvent rejected() {
        return new RemoteActorFollowRejectedEvent(FOLLOWING_ID, ACCOUNT_ID, EARLIER, CAROL_ACTOR);
    }

    private static RemoteActorUnfollowedEvent unfollowed() {
        return new RemoteActorUnfollowedEvent(FOLLOWING_ID, ACCOUNT_ID, EARLIER, CAROL_ACTOR);
    }

    // --- FollowRemoteActorCommand ---

    @Test
    void followingARemoteActorCreatesTheFollowWithItsInbox() {
        fixture.givenNoPriorActivity()
                .when(follow())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteActorFollowRequestedEvent(FOLLOWING_ID, ACCOUNT_ID, AT,
                        new FollowerEndpoints(CAROL_ACTOR, INBOX, null)));
    }

    @Test
    void followingAgainWhileRequestedIsANoOp() {
        fixture.given(requested())
                .when(follow())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void followingAgainWhileAcceptedIsANoOp() {
        fixture.given(requested(), accepted())
                .when(follow())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void followingAgainAfterUnfollowingStartsOver() {
        fixture.given(requested(), accepted(), unfollowed())
                .when(follow())
                .expectEvents(new RemoteActorFollowRequestedEvent(FOLLOWING_ID, ACCOUNT_ID, AT,
                        new FollowerEndpoints(CAROL_ACTOR, INBOX, null)));
    }

    @Test
    void followingAgainAfterARejectionStartsOver() {
        fixture.given(requested(), rejected())
                .when(follow())
                .expectEvents(new RemoteActorFollowRequestedEvent(FOLLOWING_ID, ACCOUNT_ID, AT,
                        new FollowerEndpoints(CAROL_ACTOR, INBOX, null)));
    }

    @Test
    void followingAMalformedActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new FollowRemoteActorCommand(FOLLOWING_ID, ACCOUNT_ID, "carol@remote.example", INBOX, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- RecordFollowAcceptedCommand ---

    @Test
    void theRemoteAcceptEmitsAccepted() {
        fixture.given(requested())
                .when(new RecordFollowAcceptedCommand(FOLLOWING_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteActorFollowAcceptedEvent(FOLLOWING_ID, ACCOUNT_ID, AT, CAROL_ACTOR));
    }

    @Test
    void aRepeatedAcceptIsANoOp() {
        fixture.given(requested(), accepted())
                .when(new RecordFollowAcceptedCommand(FOLLOWING_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAcceptAfterARejectionIsAConflict() {
        fixture.given(requested(), rejected())
                .when(new RecordFollowAcceptedCommand(FOLLOWING_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("followingId"))
                .expectExceptionMessage(containsString("only a requested follow can be accepted; this one is REJECTED"));
    }

    @Test
    void anAcceptAfterUnfollowingIsAConflict() {
        fixture.given(requested(), unfollowed())
                .when(new RecordFollowAcceptedCommand(FOLLOWING_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("this one is UNDONE"));
    }

    @Test
    void anAcceptForAFollowNeverRequestedFindsNoFollow() {
        fixture.givenNoPriorActivity()
                .when(new RecordFollowAcceptedCommand(FOLLOWING_ID, AT))
                .expectException(AggregateNotFoundException.class);
    }

    // --- RecordFollowRejectedCommand ---

    @Test
    void theRemoteRejectOfARequestEmitsRejected() {
        fixture.given(requested())
                .when(new RecordFollowRejectedCommand(FOLLOWING_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteActorFollowRejectedEvent(FOLLOWING_ID, ACCOUNT_ID, AT, CAROL_ACTOR));
    }

    @Test
    void theRemoteCanRejectAnAcceptedFollowLater() {
        fixture.given(requested(), accepted())
                .when(new RecordFollowRejectedCommand(FOLLOWING_ID, AT))
                .expectEvents(new RemoteActorFollowRejectedEvent(FOLLOWING_ID, ACCOUNT_ID, AT, CAROL_ACTOR));
    }

    @Test
    void aRejectOfARejectedFollowIsAConflict() {
        fixture.given(requested(), rejected())
                .when(new RecordFollowRejectedCommand(FOLLOWING_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("followingId"))
                .expectExceptionMessage(containsString("this follow is REJECTED and cannot be rejected"));
    }

    @Test
    void aRejectAfterUnfollowingIsAConflict() {
        fixture.given(requested(), accepted(), unfollowed())
                .when(new RecordFollowRejectedCommand(FOLLOWING_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("this follow is UNDONE"));
    }

    // --- UnfollowRemoteActorCommand ---

    @Test
    void unfollowingAnAcceptedFollowEmitsUnfollowed() {
        fixture.given(requested(), accepted())
                .when(new UnfollowRemoteActorCommand(FOLLOWING_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteActorUnfollowedEvent(FOLLOWING_ID, ACCOUNT_ID, AT, CAROL_ACTOR));
    }

    @Test
    void unfollowingAPendingRequestEmitsUnfollowed() {
        fixture.given(requested())
                .when(new UnfollowRemoteActorCommand(FOLLOWING_ID, AT))
                .expectEvents(new RemoteActorUnfollowedEvent(FOLLOWING_ID, ACCOUNT_ID, AT, CAROL_ACTOR));
    }

    @Test
    void unfollowingARejectedFollowIsANoOp() {
        fixture.given(requested(), rejected())
                .when(new UnfollowRemoteActorCommand(FOLLOWING_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfollowingTwiceIsANoOp() {
        fixture.given(requested(), unfollowed())
                .when(new UnfollowRemoteActorCommand(FOLLOWING_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
