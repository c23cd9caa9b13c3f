package dev.weft.domain.distribution;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One copy of a post at one destination: scheduling, delivery attempts and the deletion request. */
class PostCopyTest {
    private static final String POST_ID = "post-1";
    private static final String ACCOUNT_ID = "account-1";
    private static final String CONSENT = "2026-11";
    private static final Destination SERVER = Destination.server("remote.example");
    private static final String COPY_ID = CopyIds.of(POST_ID, SERVER);
    private static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final Instant RETRY_AT = Instant.parse("2026-11-02T09:35:00Z");

    private FixtureConfiguration<PostCopy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PostCopy.class);
    }

    private static PostCopyScheduledEvent scheduled() {
        return new PostCopyScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, CONSENT, EARLIER);
    }

    private static CopyDeliveryAttemptedEvent attempted(int attempt, DeliveryOutcome outcome) {
        return new CopyDeliveryAttemptedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, attempt, outcome, 503,
                "unavailable", null, null, RETRY_AT, EARLIER, null);
    }

    private static RemoteDeletionRequestedEvent deletionRequested() {
        return new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, DeletionReason.POST_DELETED,
                EARLIER);
    }

    private static RecordRemoteDeletionOutcomeCommand outcome(DeletionOutcome outcome, String reason) {
        return new RecordRemoteDeletionOutcomeCommand(COPY_ID, outcome, reason, AT);
    }

    // --- RecordRemoteHolderCommand ---

    private static RecordRemoteHolderCommand holder(HoldingChannel channel) {
        return new RecordRemoteHolderCommand(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, channel,
                "https://remote.example/users/ann", CONSENT, AT);
    }

    private static RemoteHolderObservedEvent observed() {
        return new RemoteHolderObservedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, HoldingChannel.ENGAGEMENT,
                "https://remote.example/users/ann", CONSENT, AT);
    }

    @Test
    void aServerSeenHoldingAPostItWasNeverSentBecomesAHolder() {
        fixture.givenNoPriorActivity()
                .when(holder(HoldingChannel.ENGAGEMENT))
                .expectEvents(observed());
    }

    @Test
    void aScheduledCopyNotYetDeliveredIsHeldOnceEngagementShowsIt() {
        fixture.given(scheduled(), attempted(1, DeliveryOutcome.RETRY_SCHEDULED))
                .when(holder(HoldingChannel.ENGAGEMENT))
                .expectEvents(observed());
    }

    @Test
    void aDeliveredCopyIsHeldAlreadySoEngagementRecordsNothing() {
        fixture.given(scheduled(), attempted(1, DeliveryOutcome.DELIVERED))
                .when(holder(HoldingChannel.ENGAGEMENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aHolderIsRecordedOnce() {
        fixture.given(observed())
                .when(holder(HoldingChannel.SIGNED_FETCH))
                .expectNoEvents();
    }

    @Test
    void aHolderSeenAfterItsDeletionWasRequestedRecordsNothing() {
        fixture.given(observed(), deletionRequested())
                .when(holder(HoldingChannel.ENGAGEMENT))
                .expectNoEvents();
    }

    @Test
    void aLinkedAccountCannotBeAnObservedHolder() {
        Destination threads = Destination.linkedAccount("link-1", Platform.THREADS);
        fixture.givenNoPriorActivity()
                .when(new RecordRemoteHolderCommand(CopyIds.of(POST_ID, threads), POST_ID, ACCOUNT_ID, threads,
                        HoldingChannel.ENGAGEMENT, "https://remote.example/users/ann", CONSENT, AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("destination"))
                .expectNoEvents();
    }

    @Test
    void deliveryIsNotAChannelOfAnObservedHolder() {
        fixture.givenNoPriorActivity()
                .when(holder(HoldingChannel.DELIVERY))
                .expectException(onField("channel"))
                .expectNoEvents();
    }

    @Test
    void aHolderCanStillBeScheduledACopy() {
        fixture.given(observed())
                .when(new ScheduleCopyCommand(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, CONSENT, AT))
                .expectEvents(new PostCopyScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, CONSENT, AT));
    }

    @Test
    void anObservedHolderIsAskedToDeleteLikeAnyCopy() {
        fixture.given(observed())
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.SHARING_TURNED_OFF, AT))
                .expectEvents(new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER,
                        DeletionReason.SHARING_TURNED_OFF, AT));
    }

    // --- ScheduleCopyCommand ---

    @Test
    void schedulingACopyToAServerCreatesIt() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleCopyCommand(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, CONSENT, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PostCopyScheduledEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, CONSENT, AT));
    }

    @Test
    void schedulingACopyToALinkedAccountCreatesIt() {
        Destination threads = Destination.linkedAccount("link-1", Platform.THREADS);
        String copyId = CopyIds.of(POST_ID, threads);
        fixture.givenNoPriorActivity()
                .when(new ScheduleCopyCommand(copyId, POST_ID, ACCOUNT_ID, threads, null, AT))
                .expectEvents(new PostCopyScheduledEvent(copyId, POST_ID, ACCOUNT_ID, threads, null, AT));
    }

    @Test
    void schedulingTheSameCopyAgainIsANoOp() {
        fixture.given(scheduled())
                .when(new ScheduleCopyCommand(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, CONSENT, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- RecordDeliveryAttemptCommand ---

    @Test
    void aFirstDeliveryAttemptIsNumberedOne() {
        fixture.given(scheduled())
                .when(new RecordDeliveryAttemptCommand(COPY_ID, DeliveryOutcome.DELIVERED, 202, null,
                        "https://remote.example/notes/1", "https://remote.example/@alice/1", null, AT,
                        "https://remote.example/inbox"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CopyDeliveryAttemptedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, 1,
                        DeliveryOutcome.DELIVERED, 202, null, "https://remote.example/notes/1",
                        "https://remote.example/@alice/1", null, AT, "https://remote.example/inbox"));
    }

    @Test
    void laterAttemptsCountOn() {
        fixture.given(scheduled(), attempted(1, DeliveryOutcome.RETRY_SCHEDULED),
                        attempted(2, DeliveryOutcome.RETRY_SCHEDULED))
                .when(new RecordDeliveryAttemptCommand(COPY_ID, DeliveryOutcome.FAILED, 410, "gone", null, null,
                        null, AT, null))
                .expectEvents(new CopyDeliveryAttemptedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, 3,
                        DeliveryOutcome.FAILED, 410, "gone", null, null, null, AT, null));
    }

    @Test
    void aRetryCarriesWhenTheNextAttemptIsDue() {
        fixture.given(scheduled())
                .when(new RecordDeliveryAttemptCommand(COPY_ID, DeliveryOutcome.RETRY_SCHEDULED, 503,
                        "unavailable", null, null, RETRY_AT, AT, null))
                .expectEvents(new CopyDeliveryAttemptedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, 1,
                        DeliveryOutcome.RETRY_SCHEDULED, 503, "unavailable", null, null, RETRY_AT, AT, null));
    }

    @Test
    void anAttemptWithoutAnOutcomeIsRefused() {
        fixture.given(scheduled())
                .when(new RecordDeliveryAttemptCommand(COPY_ID, null, 500, null, null, null, null, AT, null))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("outcome"))
                .expectExceptionMessage(containsString("a delivery outcome is required"));
    }

    @Test
    void anAttemptForACopyNeverScheduledFindsNoCopy() {
        fixture.givenNoPriorActivity()
                .when(new RecordDeliveryAttemptCommand(COPY_ID, DeliveryOutcome.DELIVERED, 202, null, null, null,
                        null, AT, null))
                .expectException(AggregateNotFoundException.class);
    }

    // --- RequestRemoteDeletionCommand ---

    @Test
    void requestingDeletionEmitsRequestedWithTheReason() {
        fixture.given(scheduled(), attempted(1, DeliveryOutcome.DELIVERED))
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.SHARING_TURNED_OFF, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER,
                        DeletionReason.SHARING_TURNED_OFF, AT));
    }

    @Test
    void requestingDeletionAgainIsANoOp() {
        fixture.given(scheduled(), deletionRequested())
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.REQUESTED_BY_USER, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void requestingDeletionAfterItEndedIsANoOp() {
        fixture.given(scheduled(), deletionRequested(),
                        new RemoteDeletionDeliveredEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, EARLIER))
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.ACCOUNT_DELETED, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCopyScheduledInABatchBeginsItsStreamWithTheRequestThatNamesIt() {
        fixture.givenNoPriorActivity()
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.POST_DELETED, AT,
                        new CopyAddress(POST_ID, ACCOUNT_ID, SERVER)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER,
                        DeletionReason.POST_DELETED, AT));
    }

    @Test
    void aCopyBegunByItsDeletionRequestTakesItsOutcome() {
        fixture.given(deletionRequested())
                .when(outcome(DeletionOutcome.DELIVERED, null))
                .expectEvents(new RemoteDeletionDeliveredEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, AT));
    }

    @Test
    void aRequestNamingAnotherPostsCopyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.POST_DELETED, AT,
                        new CopyAddress("post-2", ACCOUNT_ID, SERVER)))
                .expectNoEvents()
                .expectException(onField("copyId"))
                .expectExceptionMessage(containsString("is not post post-2's copy at remote.example"));
    }

    @Test
    void aRequestForACopyNeverScheduledAndNotNamedFindsNoCopy() {
        fixture.givenNoPriorActivity()
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.POST_DELETED, AT))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aNamedRequestForACopyWithAStreamKeepsWhatTheStreamSays() {
        fixture.given(scheduled())
                .when(new RequestRemoteDeletionCommand(COPY_ID, DeletionReason.SHARING_TURNED_OFF, AT,
                        new CopyAddress(POST_ID, ACCOUNT_ID, SERVER)))
                .expectEvents(new RemoteDeletionRequestedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER,
                        DeletionReason.SHARING_TURNED_OFF, AT));
    }

    // --- RecordRemoteDeletionOutcomeCommand ---

    @Test
    void aDeliveredDeletionIsRecorded() {
        fixture.given(scheduled(), deletionRequested())
                .when(outcome(DeletionOutcome.DELIVERED, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteDeletionDeliveredEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, AT));
    }

    @Test
    void aFailedDeletionAttemptIsRecordedWithItsReason() {
        fixture.given(scheduled(), deletionRequested())
                .when(outcome(DeletionOutcome.FAILED, "HTTP 503"))
                .expectEvents(new RemoteDeletionFailedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, "HTTP 503", AT));
    }

    @Test
    void anAbandonedDeletionIsRecordedWithItsReason() {
        fixture.given(scheduled(), deletionRequested())
                .when(outcome(DeletionOutcome.ABANDONED, "server gone"))
                .expectEvents(new RemoteDeletionAbandonedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, "server gone",
                        AT));
    }

    @Test
    void aFailureIsNotFinalSoALaterOutcomeIsAccepted() {
        fixture.given(scheduled(), deletionRequested(),
                        new RemoteDeletionFailedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, "HTTP 503", EARLIER))
                .when(outcome(DeletionOutcome.DELIVERED, null))
                .expectEvents(new RemoteDeletionDeliveredEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, AT));
    }

    @Test
    void anOutcomeWithoutARequestIsAConflict() {
        fixture.given(scheduled())
                .when(outcome(DeletionOutcome.DELIVERED, null))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("copyId"))
                .expectExceptionMessage(containsString("no deletion was requested for copy " + COPY_ID));
    }

    @Test
    void anOutcomeAfterADeliveredDeletionIsAConflict() {
        fixture.given(scheduled(), deletionRequested(),
                        new RemoteDeletionDeliveredEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, EARLIER))
                .when(outcome(DeletionOutcome.FAILED, "HTTP 500"))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("outcome"))
                .expectExceptionMessage(containsString("the deletion request already ended DELIVERED"));
    }

    @Test
    void anOutcomeAfterAnAbandonedDeletionIsAConflict() {
        fixture.given(scheduled(), deletionRequested(),
                        new RemoteDeletionAbandonedEvent(COPY_ID, POST_ID, ACCOUNT_ID, SERVER, "gave up", EARLIER))
                .when(outcome(DeletionOutcome.DELIVERED, null))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("already ended ABANDONED"));
    }

    @Test
    void anOutcomeWithoutAnOutcomeIsRefused() {
        fixture.given(scheduled(), deletionRequested())
                .when(outcome(null, "?"))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("outcome"))
                .expectExceptionMessage(containsString("a deletion outcome is required"));
    }
}
