package dev.weft.application.crossposting;

import dev.weft.application.crossposting.CrossPostOutcomes.Attempt;
import dev.weft.application.crossposting.formatting.CrossPostFormatter;
import dev.weft.application.crossposting.formatting.FormatResult;
import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.crossposting.platforms.PlatformConnector;
import dev.weft.application.crossposting.platforms.PlatformConnectors;
import dev.weft.application.crossposting.platforms.PlatformUnreachableException;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.shared.Clock;
import dev.weft.domain.links.OverflowRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends one copy, part by part, as far as it can go now. Each part is marked in flight
 * before its request, so an attempt that never got an answer is reconciled with the
 * platform, never blindly repeated: no copy is published twice.
 */
@Component
public class CrossPostPublisher {
    private final PlatformConnectors connectors;
    private final CrossPostFormatter formatter;
    private final LinkDirectory links;
    private final CrossPostWork work;
    private final CrossPostOutcomes outcomes;
    private final CrossPostRetries retries;
    private final Clock clock;

    public CrossPostPublisher(PlatformConnectors connectors, CrossPostFormatter formatter, LinkDirectory links,
                              CrossPostWork work, CrossPostOutcomes outcomes, CrossPostRetries retries, Clock clock) {
        this.connectors = connectors;
        this.formatter = formatter;
        this.links = links;
        this.work = work;
        this.outcomes = outcomes;
        this.retries = retries;
        this.clock = clock;
    }

    public void publish(ClaimedCrossPost copy) {
        Optional<LinkView> link = links.findLink(copy.link().linkId());
        if (link.isEmpty()) {
            outcomes.withdrawn(copy, "the link was removed before the copy was published", clock.now());
        } else if (link.get().needsReauthorization()) {
            outcomes.held(copy, Attempt.none("the link must be authorized again: "
                    + link.get().reauthorizationReason()), clock.now());
        } else {
            formatted(copy, link.get()).ifPresent(this::sendParts);
        }
    }

    /** A copy is formatted once, on its first attempt, and keeps that text through every retry. */
    private Optional<ClaimedCrossPost> formatted(ClaimedCrossPost copy, LinkView link) {
        if (copy.formatted()) {
            return Optional.of(copy);
        }
        Optional<String> audience = CrossPostAudience.refusal(copy.visibility(), copy.link().platform());
        if (audience.isPresent()) {
            outcomes.failed(copy, Attempt.none(audience.get()), clock.now());
            return Optional.empty();
        }
        TargetRules rules;
        try {
            rules = connector(copy).rules(copy.link());
        } catch (PlatformUnreachableException e) {
            afterFailure(copy, Attempt.none(e.getMessage()), null);
            return Optional.empty();
        }
        return frozen(copy, formatter.format(copy.draft(), rules, OverflowRule.fromWireName(link.overflow())));
    }

    private Optional<ClaimedCrossPost> frozen(ClaimedCrossPost copy, FormatResult result) {
        if (result instanceof FormatResult.Refused refused) {
            outcomes.failed(copy, Attempt.none(refused.reason()), clock.now());
            return Optional.empty();
        }
        FormatResult.Formatted formatted = (FormatResult.Formatted) result;
        if (!work.freeze(copy, formatted.parts(), formatted.spoilerText())) {
            return Optional.empty();
        }
        return Optional.of(withParts(copy, formatted.parts(), formatted.spoilerText()));
    }

    private void sendParts(ClaimedCrossPost copy) {
        Instant now = clock.now();
        Optional<Instant> quota = connector(copy).quotaWait(copy.link(), copy.parts().size() - copy.nextPart() + 1,
                now);
        if (quota.isPresent()) {
            outcomes.retry(copy, Attempt.none(copy.link().platform().wireName()
                    + " publishing quota is used up for now; the copy waits in the queue"), quota.get(), false, now);
            return;
        }
        for (int part = copy.nextPart(); part <= copy.parts().size(); part++) {
            if (!sent(copy, part)) {
                return;
            }
        }
    }

    /** @return whether the part was published, so the next one may go */
    private boolean sent(ClaimedCrossPost copy, int part) {
        PartRequest request = request(copy, part);
        PlatformConnector connector = connector(copy);
        PartOutcome outcome;
        if (copy.inFlight(part)) {
            outcome = connector.reconcile(copy.link(), request, copy.inFlightSince(), c -> work.saveCheckpoint(copy, c));
        } else if (work.markInFlight(copy, part, clock.now())) {
            outcome = connector.publish(copy.link(), request, c -> work.saveCheckpoint(copy, c));
        } else {
            return false;
        }
        return settled(copy, part, outcome);
    }

    private boolean settled(ClaimedCrossPost copy, int part, PartOutcome outcome) {
        Instant now = clock.now();
        if (outcome instanceof PartOutcome.Published published) {
            outcomes.partPublished(copy, part, published.part(), now);
            return true;
        }
        if (outcome instanceof PartOutcome.Retry retry) {
            retried(copy, retry, now);
        } else if (outcome instanceof PartOutcome.Unknown unknown) {
            afterFailure(copy, Attempt.unanswered(unknown.reason()
                    + "; the outcome is unknown, so Weft checks with the platform before trying again"), null);
        } else if (outcome instanceof PartOutcome.Unauthorized refused) {
            outcomes.held(copy, Attempt.answered(refused.httpStatus(), refused.reason()), now);
        } else if (outcome instanceof PartOutcome.Refused refused) {
            outcomes.failed(copy, Attempt.answered(refused.httpStatus(), refused.reason()), now);
        }
        return false;
    }

    private void retried(ClaimedCrossPost copy, PartOutcome.Retry retry, Instant now) {
        Attempt attempt = Attempt.answered(retry.httpStatus(), retry.reason());
        if (retry.failure()) {
            afterFailure(copy, attempt, retry.notBefore());
        } else {
            outcomes.retry(copy, attempt, retries.afterWait(retry.notBefore(), now), false, now);
        }
    }

    private void afterFailure(ClaimedCrossPost copy, Attempt attempt, Instant notBefore) {
        Instant now = clock.now();
        Optional<Instant> next = retries.afterFailure(copy, notBefore, now);
        if (next.isPresent()) {
            outcomes.retry(copy, attempt, next.get(), true, now);
        } else {
            outcomes.failed(copy, new Attempt(attempt.made(), attempt.httpStatus(),
                    retries.windowEnded(attempt.error()), attempt.unanswered()), now);
        }
    }

    private PartRequest request(ClaimedCrossPost copy, int part) {
        return PartRequests.of(copy, part, work.publishedParts(copy.copyId()));
    }

    private PlatformConnector connector(ClaimedCrossPost copy) {
        return connectors.of(copy.link().platform());
    }

    private static ClaimedCrossPost withParts(ClaimedCrossPost copy, List<FormattedPart> parts, String spoilerText) {
        return new ClaimedCrossPost(copy.copyId(), copy.accountId(), copy.postId(), copy.link(), copy.draft(),
                copy.visibility(), copy.publishedAt(), parts, spoilerText, copy.nextPart(), copy.checkpoint(),
                copy.inFlightPart(), copy.inFlightSince(), copy.failures(), copy.firstFailureAt(),
                copy.deletionReason());
    }
}
