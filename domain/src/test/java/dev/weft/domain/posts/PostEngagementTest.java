package dev.weft.domain.posts;

import static dev.weft.domain.posts.PostFixtures.AT;
import static dev.weft.domain.posts.PostFixtures.AUTHOR;
import static dev.weft.domain.posts.PostFixtures.POST_ID;
import static dev.weft.domain.posts.PostFixtures.PUBLISHED_AT;
import static dev.weft.domain.posts.PostFixtures.deleted;
import static dev.weft.domain.posts.PostFixtures.published;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.engagement.RemoteLikeRecordedEvent;
import dev.weft.domain.engagement.RemoteLikeUndoneEvent;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.RemoteReplyRemovedEvent;
import dev.weft.domain.engagement.RemoteRepostRecordedEvent;
import dev.weft.domain.engagement.RemoteRepostUndoneEvent;
import dev.weft.domain.engagement.ReplyContent;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.shared.NotPermittedException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Likes, replies and reposts from remote actors on a post. */
class PostEngagementTest {
    private static final String BOB = "https://remote.example/users/bob";
    private static final RemoteActor BOB_ACTOR = RemoteActor.of(BOB);
    private static final String CAROL = "https://other.example/users/carol";
    private static final String LIKE = "https://remote.example/likes/1";
    private static final String REPLY = "https://remote.example/notes/7";
    private static final String REPOST = "https://remote.example/announces/3";

    private FixtureConfiguration<Post> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Post.class);
    }

    private static RemoteLikeRecordedEvent bobLiked() {
        return new RemoteLikeRecordedEvent(POST_ID, AUTHOR, LIKE, PUBLISHED_AT, BOB_ACTOR);
    }

    private static RemoteReplyRecordedEvent bobReplied() {
        return new RemoteReplyRecordedEvent(POST_ID, AUTHOR, REPLY, PUBLISHED_AT, BOB_ACTOR,
                new ReplyContent("Nice!"));
    }

    private static RemoteRepostRecordedEvent bobReposted() {
        return new RemoteRepostRecordedEvent(POST_ID, AUTHOR, REPOST, PUBLISHED_AT, BOB_ACTOR);
    }

    // --- RecordRemoteLikeCommand ---

    @Test
    void aRemoteLikeIsRecordedWithTheActorsHost() {
        fixture.given(published())
                .when(new RecordRemoteLikeCommand(POST_ID, BOB, LIKE, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteLikeRecordedEvent(POST_ID, AUTHOR, LIKE, AT,
                        new RemoteActor(BOB, "remote.example")));
    }

    @Test
    void aSecondLikeFromTheSameActorIsANoOpEvenWithAnotherActivityId() {
        fixture.given(published(), bobLiked())
                .when(new RecordRemoteLikeCommand(POST_ID, BOB, "https://remote.example/likes/2", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLikeFromAnotherActorIsRecordedToo() {
        fixture.given(published(), bobLiked())
                .when(new RecordRemoteLikeCommand(POST_ID, CAROL, "https://other.example/likes/9", AT))
                .expectEvents(new RemoteLikeRecordedEvent(POST_ID, AUTHOR, "https://other.example/likes/9", AT,
                        RemoteActor.of(CAROL)));
    }

    @Test
    void anActorCanLikeAgainAfterUndoingTheLike() {
        fixture.given(published(), bobLiked(),
                        new RemoteLikeUndoneEvent(POST_ID, AUTHOR, LIKE, PUBLISHED_AT, BOB_ACTOR))
                .when(new RecordRemoteLikeCommand(POST_ID, BOB, LIKE, AT))
                .expectEvents(new RemoteLikeRecordedEvent(POST_ID, AUTHOR, LIKE, AT, BOB_ACTOR));
    }

    @Test
    void likingADeletedPostIsGone() {
        fixture.given(published(), deleted())
                .when(new RecordRemoteLikeCommand(POST_ID, BOB, LIKE, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("postId"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aLikeWithoutAnActivityIdIsRefused(String activityId) {
        fixture.given(published())
                .when(new RecordRemoteLikeCommand(POST_ID, BOB, activityId, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("activityId"))
                .expectExceptionMessage(containsString("an activity id is required"));
    }

    @Test
    void aLikeFromAMalformedActorIsRefused() {
        fixture.given(published())
                .when(new RecordRemoteLikeCommand(POST_ID, "bob", LIKE, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- UndoRemoteLikeCommand ---

    @Test
    void undoingALikeEmitsUndone() {
        fixture.given(published(), bobLiked())
                .when(new UndoRemoteLikeCommand(POST_ID, BOB, "https://remote.example/undo/1", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteLikeUndoneEvent(POST_ID, AUTHOR, "https://remote.example/undo/1", AT,
                        BOB_ACTOR));
    }

    @Test
    void undoingALikeThatWasNeverRecordedIsANoOp() {
        fixture.given(published())
                .when(new UndoRemoteLikeCommand(POST_ID, BOB, "https://remote.example/undo/1", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void undoingALikeFromAMalformedActorIsRefused() {
        fixture.given(published(), bobLiked())
                .when(new UndoRemoteLikeCommand(POST_ID, null, "https://remote.example/undo/1", AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- RecordRemoteReplyCommand ---

    @Test
    void aRemoteReplyIsRecordedWithItsText() {
        fixture.given(published())
                .when(new RecordRemoteReplyCommand(POST_ID, BOB, REPLY, "Nice!", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteReplyRecordedEvent(POST_ID, AUTHOR, REPLY, AT, BOB_ACTOR,
                        new ReplyContent("Nice!")));
    }

    @Test
    void theSameReplyDeliveredTwiceIsANoOp() {
        fixture.given(published(), bobReplied())
                .when(new RecordRemoteReplyCommand(POST_ID, BOB, REPLY, "Nice!", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondReplyFromTheSameActorIsRecorded() {
        fixture.given(published(), bobReplied())
                .when(new RecordRemoteReplyCommand(POST_ID, BOB, "https://remote.example/notes/8", "More", AT))
                .expectEvents(new RemoteReplyRecordedEvent(POST_ID, AUTHOR, "https://remote.example/notes/8", AT,
                        BOB_ACTOR, new ReplyContent("More")));
    }

    @Test
    void replyingToADeletedPostIsGone() {
        fixture.given(published(), deleted())
                .when(new RecordRemoteReplyCommand(POST_ID, BOB, REPLY, "Nice!", AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("postId"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aReplyWithoutAnIdIsRefused(String replyId) {
        fixture.given(published())
                .when(new RecordRemoteReplyCommand(POST_ID, BOB, replyId, "Nice!", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("an activity id is required"));
    }

    @Test
    void aReplyFromAMalformedActorIsRefused() {
        fixture.given(published())
                .when(new RecordRemoteReplyCommand(POST_ID, "", REPLY, "Nice!", AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- RemoveRemoteReplyCommand ---

    @Test
    void theAuthorOfAReplyCanRemoveIt() {
        fixture.given(published(), bobReplied())
                .when(new RemoveRemoteReplyCommand(POST_ID, BOB, REPLY, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteReplyRemovedEvent(POST_ID, AUTHOR, REPLY, AT, BOB_ACTOR));
    }

    @Test
    void aReplyOnADeletedPostCanStillBeRemoved() {
        fixture.given(published(), bobReplied(), deleted())
                .when(new RemoveRemoteReplyCommand(POST_ID, BOB, REPLY, AT))
                .expectEvents(new RemoteReplyRemovedEvent(POST_ID, AUTHOR, REPLY, AT, BOB_ACTOR));
    }

    @Test
    void removingAnUnknownReplyIsANoOp() {
        fixture.given(published())
                .when(new RemoveRemoteReplyCommand(POST_ID, BOB, REPLY, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingAReplyTwiceIsANoOpTheSecondTime() {
        fixture.given(published(), bobReplied(),
                        new RemoteReplyRemovedEvent(POST_ID, AUTHOR, REPLY, PUBLISHED_AT, BOB_ACTOR))
                .when(new RemoveRemoteReplyCommand(POST_ID, BOB, REPLY, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingSomeoneElsesReplyIsNotPermitted() {
        fixture.given(published(), bobReplied())
                .when(new RemoveRemoteReplyCommand(POST_ID, CAROL, REPLY, AT))
                .expectNoEvents()
                .expectException(NotPermittedException.class)
                .expectException(onField("actorId"))
                .expectExceptionMessage(containsString("only the reply's author can remove it"));
    }

    // --- RecordRemoteRepostCommand ---

    @Test
    void aRepostOfAPublicPostIsRecorded() {
        fixture.given(published())
                .when(new RecordRemoteRepostCommand(POST_ID, BOB, REPOST, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteRepostRecordedEvent(POST_ID, AUTHOR, REPOST, AT, BOB_ACTOR));
    }

    @Test
    void aSecondRepostFromTheSameActorIsANoOp() {
        fixture.given(published(), bobReposted())
                .when(new RecordRemoteRepostCommand(POST_ID, BOB, "https://remote.example/announces/4", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repostingAFollowersOnlyPostIsRefused() {
        fixture.given(published(Visibility.FOLLOWERS_ONLY))
                .when(new RecordRemoteRepostCommand(POST_ID, BOB, REPOST, AT))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("postId"))
                .expectExceptionMessage(containsString("only public posts can be reposted"));
    }

    @Test
    void repostingADeletedPostIsGone() {
        fixture.given(published(), deleted())
                .when(new RecordRemoteRepostCommand(POST_ID, BOB, REPOST, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("postId"));
    }

    @Test
    void aRepostWithoutAnActivityIdIsRefused() {
        fixture.given(published())
                .when(new RecordRemoteRepostCommand(POST_ID, BOB, " ", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("activityId"));
    }

    @Test
    void aRepostFromAMalformedActorIsRefused() {
        fixture.given(published())
                .when(new RecordRemoteRepostCommand(POST_ID, "not a url", REPOST, AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    // --- UndoRemoteRepostCommand ---

    @Test
    void undoingARepostEmitsUndone() {
        fixture.given(published(), bobReposted())
                .when(new UndoRemoteRepostCommand(POST_ID, BOB, "https://remote.example/undo/3", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteRepostUndoneEvent(POST_ID, AUTHOR, "https://remote.example/undo/3", AT,
                        BOB_ACTOR));
    }

    @Test
    void undoingARepostThatWasNeverRecordedIsANoOp() {
        fixture.given(published())
                .when(new UndoRemoteRepostCommand(POST_ID, BOB, "https://remote.example/undo/3", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void undoingARepostFromAMalformedActorIsRefused() {
        fixture.given(published(), bobReposted())
                .when(new UndoRemoteRepostCommand(POST_ID, "bob", "https://remote.example/undo/3", AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }
}
