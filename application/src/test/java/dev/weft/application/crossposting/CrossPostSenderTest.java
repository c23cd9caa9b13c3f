package dev.weft.application.crossposting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.crossposting.CrossPostDoubles.Links;
import dev.weft.application.crossposting.CrossPostDoubles.QueueRow;
import dev.weft.application.crossposting.CrossPostDoubles.RecordingCommands;
import dev.weft.application.crossposting.CrossPostDoubles.ScriptedPlatform;
import dev.weft.application.crossposting.formatting.CrossPostFormatter;
import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.PlatformConnectors;
import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import dev.weft.application.links.LinkView;
import dev.weft.domain.accounts.MarkLinkNeedsReauthorizationCommand;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.FailCrossPostCommand;
import dev.weft.domain.distribution.HoldCrossPostCommand;
import dev.weft.domain.distribution.RecordCrossPostPartPublishedCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.distribution.ScheduleCrossPostRetryCommand;
import dev.weft.domain.distribution.WithdrawCrossPostCommand;
import dev.weft.domain.links.Platform;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** What the sender does with a claimed copy, for each answer a platform can give. */
class CrossPostSenderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String LINK = "link-1";

    private final RecordingCommands commands = new RecordingCommands();
    private final QueueRow row = new QueueRow();
    private final Links links = new Links();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ScriptedPlatform platform;
    private CrossPostSender sender;

    @BeforeEach
    void setUp() {
        on(new ScriptedPlatform(Platform.MASTODON, TargetRules.mastodon(500, 23)), "refuse");
    }

    private void on(ScriptedPlatform scripted, String overflow) {
        platform = scripted;
        links.byId.put(LINK, link(scripted.platform, overflow, LinkView.ACTIVE));
        PlatformConnectors connectors = new PlatformConnectors(List.of(scripted));
        CrossPostOutcomes outcomes = new CrossPostOutcomes(commands, row, TransactionOperations.withoutTransaction(),
                new CrossPostMeters(meters));
        CrossPostRetries retries = new CrossPostRetries(new CrossPostSettings(Duration.ofSeconds(30),
                Duration.ofHours(2), Duration.ofMinutes(5)));
        CrossPostFormatter formatter = new CrossPostFormatter("https://weft.example", "weft.example");
        sender = new CrossPostSender(new CrossPostPublisher(connectors, formatter, links, row, outcomes, retries,
                () -> NOW), new CrossPostRemover(connectors, links, row, outcomes, retries, () -> NOW));
    }

    @Test
    void aCopyThatFitsGoesAsOnePartAndIsPublished() {
        sender.process(claim("Hello", "public", null));

        assertThat(platform.published).singleElement().satisfies(part -> {
            assertThat(part.formatted().text()).isEqualTo("Hello");
            assertThat(part.idempotencyKey()).isEqualTo(PartKeys.idempotencyKey("copy-1", 1));
            assertThat(part.parent()).isNull();
        });
        assertThat(commands.sentOf(RecordCrossPostPartPublishedCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.remoteId()).isEqualTo("remote-1"));
        assertThat(row.state).isEqualTo("published");
        var latency = meters.get(CrossPostMeters.LATENCY).tag("platform", "mastodon").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.SECONDS)).as("from the post's publication, 5 s before").isEqualTo(5.0);
        assertThat(ended("published")).isEqualTo(1.0);
    }

    private double ended(String outcome) {
        var counter = meters.find(CrossPostMeters.OUTCOMES).tags("platform", "mastodon", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aThreadGoesPartByPartEachAnsweringTheOneBefore() {
        on(new ScriptedPlatform(Platform.THREADS, TargetRules.threads()), "thread");
        sender.process(claim("One. " + "🌊".repeat(100) + "\n\nTwo. " + "🌊".repeat(100), "public", null));

        assertThat(platform.published).hasSize(2);
        assertThat(platform.published.get(1).parent().remoteId()).isEqualTo("remote-1");
        assertThat(platform.published.get(1).root().remoteId()).isEqualTo("remote-1");
        assertThat(commands.sentOf(RecordCrossPostPartPublishedCommand.class))
                .extracting(RecordCrossPostPartPublishedCommand::part).containsExactly(1, 2);
        assertThat(row.state).isEqualTo("published");
    }

    @Test
    void anAnswerThatNeverCameIsReconciledNextTimeNeverRepeated() {
        platform.publishOutcomes.add(new PartOutcome.Unknown("Read timed out"));
        sender.process(claim("Hello", "public", null));
        assertThat(row.inFlightPart).as("kept in flight, to reconcile").isEqualTo(1);
        assertThat(commands.sentOf(ScheduleCrossPostRetryCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.error()).startsWith("Read timed out; the outcome is unknown"));

        sender.process(reclaimed("Hello"));
        assertThat(platform.published).hasSize(1);
        assertThat(platform.reconciled).singleElement()
                .satisfies(part -> assertThat(part.idempotencyKey()).isEqualTo(PartKeys.idempotencyKey("copy-1", 1)));
        assertThat(row.state).isEqualTo("published");
    }

    @Test
    void aWaitThePlatformAskedForIsHonouredAndIsNoFailure() {
        Instant reset = NOW.plus(Duration.ofMinutes(15));
        platform.publishOutcomes.add(new PartOutcome.Retry("HTTP 429: Too many requests", 429, reset, false));
        sender.process(claim("Hello", "public", null));

        assertThat(row.nextAttemptAt).isEqualTo(reset);
        assertThat(row.failures).isZero();
        assertThat(commands.sentOf(ScheduleCrossPostRetryCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.attempted()).isTrue());
    }

    @Test
    void aFailureBacksOffAndCountsTowardsTheWindow() {
        platform.publishOutcomes.add(new PartOutcome.Retry("HTTP 503: Service Unavailable", 503, null, true));
        sender.process(claim("Hello", "public", null));

        assertThat(row.failures).isEqualTo(1);
        assertThat(Duration.between(NOW, row.nextAttemptAt)).isBetween(Duration.ofSeconds(30),
                Duration.ofMillis(37_500));
        assertThat(ended("retry_scheduled")).isEqualTo(1.0);
        assertThat(meters.find(CrossPostMeters.LATENCY).timer()).as("nothing published yet").isNull();
    }

    @Test
    void failuresPastTheWindowEndTheCopy() {
        platform.publishOutcomes.add(new PartOutcome.Retry("HTTP 503: Service Unavailable", 503, null, true));
        sender.process(withFailures(claim("Hello", "public", null), 12, NOW.minus(Duration.ofHours(3))));

        assertThat(commands.sentOf(FailCrossPostCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.error()).isEqualTo("HTTP 503: Service Unavailable; retries ended after PT2H"));
        assertThat(row.state).isEqualTo("failed");
        assertThat(ended("failed")).isEqualTo(1.0);
    }

    @Test
    void aPermanentRefusalFailsTheCopyInThePlatformsWords() {
        platform.publishOutcomes.add(new PartOutcome.Refused("HTTP 422: Validation failed: Text can't be blank", 422));
        sender.process(claim("Hello", "public", null));

        assertThat(commands.sentOf(FailCrossPostCommand.class)).singleElement().satisfies(c -> {
            assertThat(c.error()).isEqualTo("HTTP 422: Validation failed: Text can't be blank");
            assertThat(c.httpStatus()).isEqualTo(422);
            assertThat(c.attempted()).isTrue();
        });
    }

    @Test
    void aRefusedTokenMarksTheLinkAndHoldsTheCopy() {
        platform.publishOutcomes.add(new PartOutcome.Unauthorized("HTTP 401: The access token is invalid", 401));
        sender.process(claim("Hello", "public", null));

        assertThat(commands.sentOf(MarkLinkNeedsReauthorizationCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.linkId()).isEqualTo(LINK));
        assertThat(commands.sentOf(HoldCrossPostCommand.class)).hasSize(1);
        assertThat(row.state).isEqualTo("held");
    }

    @Test
    void aLinkAlreadyWaitingForFreshCredentialsHoldsTheCopyWithoutTrying() {
        links.byId.put(LINK, link(Platform.MASTODON, "refuse", LinkView.NEEDS_REAUTHORIZATION));
        sender.process(claim("Hello", "public", null));

        assertThat(platform.published).isEmpty();
        assertThat(commands.sentOf(HoldCrossPostCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.attempted()).isFalse());
    }

    @Test
    void aLinkRemovedMeanwhileWithdrawsTheCopy() {
        links.byId.clear();
        sender.process(claim("Hello", "public", null));

        assertThat(platform.published).isEmpty();
        assertThat(commands.sentOf(WithdrawCrossPostCommand.class)).hasSize(1);
        assertThat(row.state).isEqualTo("withdrawn");
    }

    @Test
    void aFollowersOnlyPostFailsOnAPlatformWhereEveryPostIsPublic() {
        on(new ScriptedPlatform(Platform.THREADS, TargetRules.threads()), "refuse");
        sender.process(claim("Hello", "followers-only", null));

        assertThat(platform.published).isEmpty();
        assertThat(commands.sentOf(FailCrossPostCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.attempted()).isFalse());
    }

    @Test
    void aPostTooLongForALinkThatRefusesOverflowFailsWithoutARequest() {
        on(new ScriptedPlatform(Platform.BLUESKY, TargetRules.bluesky()), "refuse");
        sender.process(claim("word ".repeat(80).strip(), "public", null));

        assertThat(platform.published).isEmpty();
        assertThat(commands.sentOf(FailCrossPostCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.error()).contains("300"));
    }

    @Test
    void aUsedUpQuotaQueuesTheCopyWithoutARequest() {
        platform.quotaWait = NOW.plus(Duration.ofHours(1));
        sender.process(claim("Hello", "public", null));

        assertThat(platform.published).isEmpty();
        assertThat(row.nextAttemptAt).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(commands.sentOf(ScheduleCrossPostRetryCommand.class)).singleElement()
                .satisfies(c -> assertThat(c.attempted()).isFalse());
    }

    @Test
    void aNodeThatLostItsLeaseSendsNothing() {
        row.leaseHeld = false;
        sender.process(claim("Hello", "public", null));
        assertThat(platform.published).isEmpty();
    }

    @Test
    void deletionRemovesEveryPublishedPartNewestFirst() {
        row.parts.put(1, new RemotePart("r1", null, null));
        row.parts.put(2, new RemotePart("r2", null, null));
        sender.process(claim(null, "public", DeletionReason.POST_DELETED));

        assertThat(platform.removed).extracting(RemotePart::remoteId).containsExactly("r2", "r1");
        assertThat(deletionOutcome()).isEqualTo(DeletionOutcome.DELIVERED);
        assertThat(row.state).isEqualTo("deleted");
    }

    @Test
    void partsThePlatformNoLongerHasEndTheDeletionAsAlreadyGone() {
        row.parts.put(1, new RemotePart("r1", null, null));
        platform.removalOutcomes.add(new RemovalOutcome.AlreadyGone("HTTP 404: Record not found"));
        sender.process(claim(null, "public", DeletionReason.POST_DELETED));

        assertThat(deletionOutcome()).isEqualTo(DeletionOutcome.ALREADY_GONE);
        assertThat(row.state).isEqualTo("already_gone");
    }

    @Test
    void aCopyNeverPublishedHasNothingToDelete() {
        sender.process(claim(null, "public", DeletionReason.LINK_REMOVED));

        assertThat(platform.removed).isEmpty();
        assertThat(commands.sentOf(RecordRemoteDeletionOutcomeCommand.class)).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(DeletionOutcome.ABANDONED);
            assertThat(c.reason()).isEqualTo("never published on mastodon: nothing to delete");
        });
        assertThat(row.state).isEqualTo("nothing_to_delete");
    }

    @Test
    void aPartWhoseOutcomeWasUnknownIsFoundFirstSoItCanBeDeleted() {
        ClaimedCrossPost unknown = inFlight(claim("Hello", "public", DeletionReason.POST_DELETED));
        sender.process(unknown);

        assertThat(platform.reconciled).hasSize(1);
        assertThat(platform.removed).extracting(RemotePart::remoteId).containsExactly("remote-1");
        assertThat(deletionOutcome()).isEqualTo(DeletionOutcome.DELIVERED);
    }

    @Test
    void aRefusedTokenHoldsTheDeletionWhileTheLinkCanStillBeAuthorizedAgain() {
        row.parts.put(1, new RemotePart("r1", null, null));
        platform.removalOutcomes.add(new RemovalOutcome.Unauthorized("HTTP 401: revoked", 401));
        sender.process(claim(null, "public", DeletionReason.POST_DELETED));

        assertThat(commands.sentOf(MarkLinkNeedsReauthorizationCommand.class)).hasSize(1);
        assertThat(deletionOutcome()).isEqualTo(DeletionOutcome.FAILED);
        assertThat(row.state).isEqualTo("held");
    }

    @Test
    void aRefusedTokenOfARemovedLinkEndsTheDeletionAsFailed() {
        links.byId.clear();
        row.parts.put(1, new RemotePart("r1", null, null));
        platform.removalOutcomes.add(new RemovalOutcome.Unauthorized("HTTP 401: revoked", 401));
        sender.process(claim(null, "public", DeletionReason.LINK_REMOVED));

        assertThat(deletionOutcome()).isEqualTo(DeletionOutcome.ABANDONED);
        assertThat(row.state).isEqualTo("deletion_failed");
    }

    @Test
    void aDeletionThatFailsIsTriedAgainAndSaysWhy() {
        row.parts.put(1, new RemotePart("r1", null, null));
        platform.removalOutcomes.add(new RemovalOutcome.Retry("HTTP 502: Bad Gateway", 502, null, true));
        sender.process(claim(null, "public", DeletionReason.POST_DELETED));

        assertThat(commands.sentOf(RecordRemoteDeletionOutcomeCommand.class)).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(DeletionOutcome.FAILED);
            assertThat(c.reason()).startsWith("HTTP 502: Bad Gateway; next attempt ");
        });
        assertThat(row.state).isEqualTo("pending");
    }

    private DeletionOutcome deletionOutcome() {
        List<RecordRemoteDeletionOutcomeCommand> sent = commands.sentOf(RecordRemoteDeletionOutcomeCommand.class);
        return sent.get(sent.size() - 1).outcome();
    }

    private ClaimedCrossPost claim(String text, String visibility, DeletionReason deletion) {
        return new ClaimedCrossPost("copy-1", "account-1", "post-1", new LinkTarget(LINK, platform.platform,
                "https://p.example", "remote-account", "alice"), new PostDraft(text, null, "en", null), visibility,
                NOW.minusSeconds(5), null, null, 1, null, null, null, 0, null, deletion);
    }

    /** The row as the next claim would read it back. */
    private ClaimedCrossPost reclaimed(String text) {
        ClaimedCrossPost first = claim(text, "public", null);
        return new ClaimedCrossPost(first.copyId(), first.accountId(), first.postId(), first.link(), first.draft(),
                first.visibility(), first.publishedAt(), row.frozen, null, row.parts.size() + 1, null,
                row.inFlightPart, NOW.minusSeconds(1), row.failures, NOW, null);
    }

    private ClaimedCrossPost inFlight(ClaimedCrossPost copy) {
        ClaimedCrossPost formatted = new CrossPostFormatterAccess().formatted(copy, platform.rules);
        return new ClaimedCrossPost(formatted.copyId(), formatted.accountId(), formatted.postId(), formatted.link(),
                formatted.draft(), formatted.visibility(), formatted.publishedAt(), formatted.parts(), null, 1, null,
                1, NOW.minusSeconds(30), 1, NOW.minusSeconds(30), formatted.deletionReason());
    }

    private static ClaimedCrossPost withFailures(ClaimedCrossPost copy, int failures, Instant first) {
        return new ClaimedCrossPost(copy.copyId(), copy.accountId(), copy.postId(), copy.link(), copy.draft(),
                copy.visibility(), copy.publishedAt(), copy.parts(), copy.spoilerText(), copy.nextPart(),
                copy.checkpoint(), copy.inFlightPart(), copy.inFlightSince(), failures, first,
                copy.deletionReason());
    }

    private static LinkView link(Platform platform, String overflow, String state) {
        return new LinkView(LINK, platform.wireName(), "alice", "https://p.example", "remote-account", "Alice", true,
                overflow, state, state.equals(LinkView.ACTIVE) ? null : "HTTP 401: expired", null, NOW);
    }

    /** Formats a copy as the sender would have on its first attempt. */
    private static final class CrossPostFormatterAccess {
        ClaimedCrossPost formatted(ClaimedCrossPost copy, TargetRules rules) {
            var result = (dev.weft.application.crossposting.formatting.FormatResult.Formatted)
                    new CrossPostFormatter("https://weft.example", "weft.example").format(copy.draft(), rules,
                            dev.weft.domain.links.OverflowRule.REFUSE);
            return new ClaimedCrossPost(copy.copyId(), copy.accountId(), copy.postId(), copy.link(), copy.draft(),
                    copy.visibility(), copy.publishedAt(), result.parts(), result.spoilerText(), 1, null, null, null,
                    0, null, copy.deletionReason());
        }
    }
}
