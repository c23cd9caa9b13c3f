package dev.weft.domain.distribution;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A copy to a linked account: parts published, retries, waiting for credentials, failing, retrying, withdrawal. */
class CrossPostCopyTest {
    private static final String POST_ID = "post-1";
    private static final String ACCOUNT_ID = "account-1";
    private static final Destination THREADS = Destination.linkedAccount("link-1", Platform.THREADS);
    private static final String COPY_ID = CopyIds.of(POST_ID, THREADS);
    private static final Destination SERVER = Destination.server("remote.example");
    private static final String SERVER_COPY_ID = CopyIds.of(POST_ID, SERVER);
    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final Instant RETRY_AT = Instant.parse("2026-11-02T09:35:00Z");

    private FixtureConfiguration<PostCopy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PostCopy.class);
    }

    private static PostCopyScheduledEvent scheduled() {
        return new PostCopyScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, "link:link-1", EARLIER);
    }

    private static CrossPostPartPublishedEvent partPublished(int part, int parts, int attempt) {
        return new CrossPostPartPublishedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, part, parts, "media-" + part,
                "https://www.threads.net/@alice/post/" + part, attempt, EARLIER);
    }

    private static CrossPostFailedEvent failed(int attempt) {
        return new CrossPostFailedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, attempt, 400, "368 blocked", EARLIER);
    }

    // --- RecordCrossPostPartPublishedCommand ---

    @Test
    void aConfirmedPartIsRecordedWithTheIdThePlatformGave() {
        fixture.given(scheduled())
                .when(new RecordCrossPostPartPublishedCommand(COPY_ID, 1, 1, "media-1",
                        "https://www.threads.net/@alice/post/1", AT))
                .expectEvents(new CrossPostPartPublishedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1, 1, "media-1",
                        "https://www.threads.net/@alice/post/1", 1, AT));
    }

    @Test
    void attemptsCountOnAcrossRetriesAndParts() {
        fixture.given(scheduled(), partPublished(1, 3, 1),
                        new CrossPostRetryScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 2, 500, "500 oops",
                                RETRY_AT, EARLIER))
                .when(new RecordCrossPostPartPublishedCommand(COPY_ID, 2, 3, "media-2", null, AT))
                .expectEvents(new CrossPostPartPublishedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 2, 3, "media-2",
                        null, 3, AT));
    }

    @Test
    void aPartConfirmedTwiceIsRecordedOnce() {
        fixture.given(scheduled(), partPublished(1, 2, 1))
                .when(new RecordCrossPostPartPublishedCommand(COPY_ID, 1, 2, "media-1", null, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPartOutsideTheThreadIsRefused() {
        fixture.given(scheduled())
                .when(new RecordCrossPostPartPublishedCommand(COPY_ID, 4, 3, "media-4", null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("part"));
    }

    @Test
    void aCopyToAServerHasNoParts() {
        fixture.given(new PostCopyScheduledEvent(SERVER_COPY_ID, POST_ID, ACCOUNT_ID, SERVER, "2026-11", EARLIER))
                .when(new RecordCrossPostPartPublishedCommand(SERVER_COPY_ID, 1, 1, "x", null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("goes to a fediverse server"));
    }

    // --- ScheduleCrossPostRetryCommand ---

    @Test
    void aRetryAfterARequestCountsAnAttempt() {
        fixture.given(scheduled())
                .when(new ScheduleCrossPostRetryCommand(COPY_ID, true, 503, "503 Service Unavailable", RETRY_AT, AT))
                .expectEvents(new CrossPostRetryScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1, 503,
                        "503 Service Unavailable", RETRY_AT, AT));
    }

    @Test
    void aQuotaWaitedOutWithoutARequestCountsNone() {
        fixture.given(scheduled())
                .when(new ScheduleCrossPostRetryCommand(COPY_ID, false, null, "publishing quota used up", RETRY_AT,
                        AT))
                .expectEvents(new CrossPostRetryScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 0, null,
                        "publishing quota used up", RETRY_AT, AT));
    }

    @Test
    void noRetryIsScheduledForAPublishedCopy() {
        fixture.given(scheduled(), partPublished(1, 1, 1))
                .when(new ScheduleCrossPostRetryCommand(COPY_ID, true, 500, "late report", RETRY_AT, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("has already ended published"));
    }

    // --- FailCrossPostCommand ---

    @Test
    void aPermanentRefusalEndsTheCopyWithThePlatformsMessage() {
        fixture.given(scheduled())
                .when(new FailCrossPostCommand(COPY_ID, true, 400, "400 (#368) The action attempted has been deemed "
                        + "abusive", AT))
                .expectEvents(new CrossPostFailedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1, 400,
                        "400 (#368) The action attempted has been deemed abusive", AT));
    }

    @Test
    void aPostTooLongFailsWithoutAnAttempt() {
        fixture.given(scheduled())
                .when(new FailCrossPostCommand(COPY_ID, false, null, "too long", AT))
                .expectEvents(new CrossPostFailedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 0, null, "too long", AT));
    }

    @Test
    void aFailedCopyCannotFailAgain() {
        fixture.given(scheduled(), failed(1))
                .when(new FailCrossPostCommand(COPY_ID, true, 400, "again", AT))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    // --- HoldCrossPostCommand / ResumeCrossPostCommand ---

    @Test
    void aRefusedTokenHoldsTheCopy() {
        fixture.given(scheduled())
                .when(new HoldCrossPostCommand(COPY_ID, true, 401, "401 expired", AT))
                .expectEvents(new CrossPostHeldForReauthorizationEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1, 401,
                        "401 expired", AT));
    }

    @Test
    void aHeldCopyResumes() {
        fixture.given(scheduled(), new CrossPostHeldForReauthorizationEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1,
                        401, "401", EARLIER))
                .when(new ResumeCrossPostCommand(COPY_ID, AT))
                .expectEvents(new CrossPostResumedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, AT));
    }

    @Test
    void aCopyNotHeldHasNothingToResume() {
        fixture.given(scheduled())
                .when(new ResumeCrossPostCommand(COPY_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aResumedCopyCanBePublished() {
        fixture.given(scheduled(), new CrossPostHeldForReauthorizationEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1,
                        401, "401", EARLIER), new CrossPostResumedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, EARLIER))
                .when(new RecordCrossPostPartPublishedCommand(COPY_ID, 1, 1, "media-1", null, AT))
                .expectEvents(new CrossPostPartPublishedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 1, 1, "media-1",
                        null, 2, AT));
    }

    // --- RetryCrossPostCommand ---

    @Test
    void theAuthorCanRetryAFailedCopy() {
        fixture.given(scheduled(), failed(1))
                .when(new RetryCrossPostCommand(COPY_ID, ACCOUNT_ID, AT))
                .expectEvents(new CrossPostRetryRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, AT));
    }

    @Test
    void onlyAFailedCopyCanBeRetried() {
        fixture.given(scheduled(), partPublished(1, 1, 1))
                .when(new RetryCrossPostCommand(COPY_ID, ACCOUNT_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("only a failed copy can be retried; this one is published"));
    }

    @Test
    void someoneElseCannotRetryTheCopy() {
        fixture.given(scheduled(), failed(1))
                .when(new RetryCrossPostCommand(COPY_ID, "account-2", AT))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void aCopyWhoseDeletionWasRequestedIsNotRetried() {
        fixture.given(scheduled(), failed(1), new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS,
                        DeletionReason.POST_DELETED, EARLIER))
                .when(new RetryCrossPostCommand(COPY_ID, ACCOUNT_ID, AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }

    @Test
    void aRetriedCopyCanFailAgain() {
        fixture.given(scheduled(), failed(1),
                        new CrossPostRetryRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, EARLIER))
                .when(new FailCrossPostCommand(COPY_ID, true, 400, "still refused", AT))
                .expectEvents(new CrossPostFailedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, 2, 400, "still refused",
                        AT));
    }

    // --- WithdrawCrossPostCommand ---

    @Test
    void anUnsentCopyIsWithdrawnWhenItsLinkGoes() {
        fixture.given(scheduled())
                .when(new WithdrawCrossPostCommand(COPY_ID, "the link was removed", AT))
                .expectEvents(new CrossPostWithdrawnEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS,
                        "the link was removed", AT));
    }

    @Test
    void aPublishedCopyIsNotWithdrawn() {
        fixture.given(scheduled(), partPublished(1, 1, 1))
                .when(new WithdrawCrossPostCommand(COPY_ID, "the link was removed", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWithdrawnCopyTakesNoMoreRetries() {
        fixture.given(scheduled(), new CrossPostWithdrawnEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, "gone", EARLIER))
                .when(new ScheduleCrossPostRetryCommand(COPY_ID, true, 500, "late", RETRY_AT, AT))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    // --- deletion of a copy the platform no longer has ---

    @Test
    void aCopyTheDestinationNoLongerHasIsRecordedAsAlreadyGone() {
        fixture.given(scheduled(), partPublished(1, 1, 1), new RemoteDeletionRequestedEvent(COPY_ID, POST_ID,
                        ACCOUNT_ID, THREADS, DeletionReason.LINK_REMOVED, EARLIER))
                .when(new RecordRemoteDeletionOutcomeCommand(COPY_ID, DeletionOutcome.ALREADY_GONE, "404 not found",
                        AT))
                .expectEvents(new RemoteDeletionAlreadyGoneEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS,
                        "404 not found", AT));
    }

    @Test
    void alreadyGoneIsFinal() {
        fixture.given(scheduled(), new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS,
                        DeletionReason.POST_DELETED, EARLIER),
                        new RemoteDeletionAlreadyGoneEvent(COPY_ID, POST_ID, ACCOUNT_ID, THREADS, "404", EARLIER))
                .when(new RecordRemoteDeletionOutcomeCommand(COPY_ID, DeletionOutcome.DELIVERED, null, AT))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }
}
