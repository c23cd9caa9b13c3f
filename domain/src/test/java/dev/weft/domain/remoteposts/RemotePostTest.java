package dev.weft.domain.remoteposts;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import dev.weft.domain.shared.RemoteActor;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A remote post that reached us: received once, updated and deleted only by its author. */
class RemotePostTest {
    private static final String OBJECT_ID = "https://remote.example/notes/1";
    private static final String REMOTE_POST_ID = RemotePostIds.of(OBJECT_ID);
    private static final String BOB = "https://remote.example/users/bob";
    private static final RemoteActor BOB_ACTOR = new RemoteActor(BOB, "remote.example");
    private static final String MALLORY = "https://evil.example/users/mallory";
    private static final String URL = "https://remote.example/@bob/1";
    private static final Instant PUBLISHED_AT = Instant.parse("2026-11-01T09:59:00Z");
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    private FixtureConfiguration<RemotePost> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RemotePost.class);
    }

    private static ReceiveRemotePostCommand receive(String actorId, String text) {
        return new ReceiveRemotePostCommand(REMOTE_POST_ID, OBJECT_ID, actorId, text, "cw", URL, PUBLISHED_AT,
                RECEIVED_AT);
    }

    private static RemotePostReceivedEvent received() {
        return new RemotePostReceivedEvent(REMOTE_POST_ID, OBJECT_ID, PUBLISHED_AT, RECEIVED_AT, BOB_ACTOR,
                new RemotePostContent("Hello from afar", "cw", URL));
    }

    private static RemotePostDeletedEvent deleted() {
        return new RemotePostDeletedEvent(REMOTE_POST_ID, RECEIVED_AT, BOB_ACTOR);
    }

    // --- ReceiveRemotePostCommand ---

    @Test
    void aRemotePostIsStoredWhenItFirstArrives() {
        fixture.givenNoPriorActivity()
                .when(receive(BOB, "Hello from afar"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received());
    }

    @Test
    void theSamePostDeliveredAgainIsANoOp() {
        fixture.given(received())
                .when(receive(BOB, "Hello from afar"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPostDeliveredAgainAfterItsDeletionIsNotRevived() {
        fixture.given(received(), deleted())
                .when(receive(BOB, "Hello from afar"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRemotePostWithoutContentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(receive(BOB, null))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("text"))
                .expectExceptionMessage(containsString("a remote post needs content"));
    }

    @Test
    void aRemotePostFromAMalformedActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(receive("bob", "Hello"))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- UpdateRemotePostCommand ---

    @Test
    void theAuthorsUpdateReplacesTheContentAndKeepsTheUrl() {
        fixture.given(received())
                .when(new UpdateRemotePostCommand(REMOTE_POST_ID, BOB, "Edited", null, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemotePostUpdatedEvent(REMOTE_POST_ID, AT, BOB_ACTOR,
                        new RemotePostContent("Edited", null, URL)));
    }

    @Test
    void anUpdateFromAnotherActorIsNotPermitted() {
        fixture.given(received())
                .when(new UpdateRemotePostCommand(REMOTE_POST_ID, MALLORY, "Defaced", null, AT))
                .expectNoEvents()
                .expectException(NotPermittedException.class)
                .expectException(onField("actorId"))
                .expectExceptionMessage(containsString("only the author's server may change a remote post"));
    }

    @Test
    void anUpdateOfADeletedPostIsGone() {
        fixture.given(received(), deleted())
                .when(new UpdateRemotePostCommand(REMOTE_POST_ID, BOB, "Edited", null, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("remotePostId"))
                .expectExceptionMessage(containsString("the remote post was deleted"));
    }

    @Test
    void anUpdateWithoutContentIsRefused() {
        fixture.given(received())
                .when(new UpdateRemotePostCommand(REMOTE_POST_ID, BOB, null, null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("text"))
                .expectExceptionMessage(containsString("a remote post needs content"));
    }

    // --- DeleteRemotePostCommand ---

    @Test
    void theAuthorCanDeleteTheirPost() {
        fixture.given(received())
                .when(new DeleteRemotePostCommand(REMOTE_POST_ID, BOB, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemotePostDeletedEvent(REMOTE_POST_ID, AT, BOB_ACTOR));
    }

    @Test
    void deletingTwiceIsANoOp() {
        fixture.given(received(), deleted())
                .when(new DeleteRemotePostCommand(REMOTE_POST_ID, BOB, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeleteFromAnotherActorIsNotPermitted() {
        fixture.given(received())
                .when(new DeleteRemotePostCommand(REMOTE_POST_ID, MALLORY, AT))
                .expectNoEvents()
                .expectException(NotPermittedException.class)
                .expectException(onField("actorId"));
    }
}
