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

/** A remote actor following a local account: request, accept or reject, undo. */
class IncomingFollowTest {
    private static final String ACCOUNT_ID = "account-1";
    private static final String BOB = "https://remote.example/users/bob";
    private static final RemoteActor BOB_ACTOR = new RemoteActor(BOB, "remote.example");
    private static final String FOLLOW_ID = FollowIds.incoming(ACCOUNT_ID, BOB);
    private static final String INBOX = "https://remote.example/users/bob/inbox";
    private static final String SHARED_INBOX = "https://remote.example/inbox";
    private static final String ACTIVITY = "https://remote.example/follows/1";
    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    private FixtureConfiguration<IncomingFollow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IncomingFollow.class);
    }

    private static RequestRemoteFollowCommand request(String activityId) {
        return new RequestRemoteFollowCommand(FOLLOW_ID, ACCOUNT_ID, BOB, INBOX, SHARED_INBOX, activityId, AT);
    }

    private static RemoteFollowRequestedEvent requested() {
        return new RemoteFollowRequestedEvent(FOLLOW_ID, ACCOUNT_ID, ACTIVITY, EARLIER,
                new FollowerEndpoints(BOB_ACTOR, INBOX, SHARED_INBOX));
    }

    private static RemoteFollowAcceptedEvent accepted() {
        return new RemoteFollowAcceptedEvent(FOLLOW_ID, ACCOUNT_ID, EARLIER, BOB_ACTOR);
    }

    private static RemoteFollowRejectedEvent rejected() {
        return new RemoteFollowRejectedEvent(FOLLOW_ID, ACCOUNT_ID, "blocked", EARLIER, BOB_ACTOR);
    }

    private static RemoteFollowUndoneEvent undone() {
        return new RemoteFollowUndoneEvent(FOLLOW_ID, ACCOUNT_ID, EARLIER, BOB_ACTOR);
    }

    // --- RequestRemoteFollowCommand ---

    @Test
    void aFirstFollowRequestCreatesTheFollow() {
        fixture.givenNoPriorActivity()
                .when(request(ACTIVITY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteFollowRequestedEvent(FOLLOW_ID, ACCOUNT_ID, ACTIVITY, AT,
                        new FollowerEndpoints(BOB_ACTOR, INBOX, SHARED_INBOX)));
    }

    @Test
    void aRepeatedRequestWhileRequestedIsANoOp() {
        fixture.given(requested())
                .when(request("https://remote.example/follows/2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRepeatedRequestWhileAcceptedIsANoOp() {
        fixture.given(requested(), accepted())
                .when(request("https://remote.example/follows/2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRequestAfterARejectionStartsOver() {
        fixture.given(requested(), rejected())
                .when(request("https://remote.example/follows/2"))
                .expectEvents(new RemoteFollowRequestedEvent(FOLLOW_ID, ACCOUNT_ID, "https://remote.example/follows/2",
                        AT, new FollowerEndpoints(BOB_ACTOR, INBOX, SHARED_INBOX)));
    }

    @Test
    void aRequestAfterAnUndoStartsOver() {
        fixture.given(requested(), accepted(), undone())
                .when(request("https://remote.example/follows/2"))
                .expectEvents(new RemoteFollowRequestedEvent(FOLLOW_ID, ACCOUNT_ID, "https://remote.example/follows/2",
                        AT, new FollowerEndpoints(BOB_ACTOR, INBOX, SHARED_INBOX)));
    }

    @Test
    void aRequestFromAMalformedActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestRemoteFollowCommand(FOLLOW_ID, ACCOUNT_ID, "bob", INBOX, null, ACTIVITY, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- AcceptRemoteFollowCommand ---

    @Test
    void acceptingARequestedFollowEmitsAccepted() {
        fixture.given(requested())
                .when(new AcceptRemoteFollowCommand(FOLLOW_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteFollowAcceptedEvent(FOLLOW_ID, ACCOUNT_ID, AT, BOB_ACTOR));
    }

    @Test
    void acceptingAnAcceptedFollowIsANoOp() {
        fixture.given(requested(), accepted())
                .when(new AcceptRemoteFollowCommand(FOLLOW_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptingARejectedFollowIsAConflict() {
        fixture.given(requested(), rejected())
                .when(new AcceptRemoteFollowCommand(FOLLOW_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("followId"))
                .expectExceptionMessage(containsString("only a requested follow can be accepted; this one is REJECTED"));
    }

    @Test
    void acceptingAnUndoneFollowIsAConflict() {
        fixture.given(requested(), accepted(), undone())
                .when(new AcceptRemoteFollowCommand(FOLLOW_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("this one is UNDONE"));
    }

    @Test
    void acceptingAFollowThatWasNeverRequestedFindsNoFollow() {
        fixture.givenNoPriorActivity()
                .when(new AcceptRemoteFollowCommand(FOLLOW_ID, AT))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- RejectRemoteFollowCommand ---

    @Test
    void rejectingARequestedFollowEmitsRejectedWithTheReason() {
        fixture.given(requested())
                .when(new RejectRemoteFollowCommand(FOLLOW_ID, "account does not share with the fediverse", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteFollowRejectedEvent(FOLLOW_ID, ACCOUNT_ID,
                        "account does not share with the fediverse", AT, BOB_ACTOR));
    }

    @Test
    void rejectingAnAcceptedFollowRemovesTheFollower() {
        fixture.given(requested(), accepted())
                .when(new RejectRemoteFollowCommand(FOLLOW_ID, "blocked", AT))
                .expectEvents(new RemoteFollowRejectedEvent(FOLLOW_ID, ACCOUNT_ID, "blocked", AT, BOB_ACTOR));
    }

    @Test
    void rejectingARejectedFollowIsAConflict() {
        fixture.given(requested(), rejected())
                .when(new RejectRemoteFollowCommand(FOLLOW_ID, "blocked", AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("followId"))
                .expectExceptionMessage(containsString("this one is REJECTED"));
    }

    @Test
    void rejectingAnUndoneFollowIsAConflict() {
        fixture.given(requested(), undone())
                .when(new RejectRemoteFollowCommand(FOLLOW_ID, "blocked", AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("this one is UNDONE"));
    }

    // --- UndoRemoteFollowCommand ---

    @Test
    void undoingAnAcceptedFollowEmitsUndone() {
        fixture.given(requested(), accepted())
                .when(new UndoRemoteFollowCommand(FOLLOW_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteFollowUndoneEvent(FOLLOW_ID, ACCOUNT_ID, AT, BOB_ACTOR));
    }

    @Test
    void undoingAPendingRequestEmitsUndone() {
        fixture.given(requested())
                .when(new UndoRemoteFollowCommand(FOLLOW_ID, AT))
                .expectEvents(new RemoteFollowUndoneEvent(FOLLOW_ID, ACCOUNT_ID, AT, BOB_ACTOR));
    }

    @Test
    void undoingAFollowThatIsNoLongerActiveIsANoOp() {
        fixture.given(requested(), rejected())
                .when(new UndoRemoteFollowCommand(FOLLOW_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void undoingTwiceIsANoOp() {
        fixture.given(requested(), accepted(), undone())
                .when(new UndoRemoteFollowCommand(FOLLOW_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
