package dev.weft.application.crossposting;

import dev.weft.application.crossposting.CrossPostOutcomes.Attempt;
import dev.weft.application.crossposting.CrossPostWork.PublishedPart;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.PlatformConnector;
import dev.weft.application.crossposting.platforms.PlatformConnectors;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.shared.Clock;
import dev.weft.domain.distribution.DeletionOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Deletes a copy wherever it was published, part by part, newest first so no reply is left
 * pointing at nothing, and tracks the request to its outcome: deleted, already gone, nothing
 * to delete (never published), or failed with the platform's reason.
 */
@Component
public class CrossPostRemover {
    static final String NEVER_PUBLISHED = "never published";
    private final PlatformConnectors connectors;
    private final LinkDirectory links;
    private final CrossPostWork work;
    private final CrossPostOutcomes outcomes;
    private final CrossPostRetries retries;
    private final Clock clock;

    public CrossPostRemover(PlatformConnectors connectors, LinkDirectory links, CrossPostWork work,
                            CrossPostOutcomes outcomes, CrossPostRetries retries, Clock clock) {
        this.connectors = connectors;
        this.links = links;
        this.work = work;
        this.outcomes = outcomes;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * A part whose publishing never got an answer may be out there: it is reconciled first
     * (which publishes it if it was not), so that it can be deleted rather than left unseen.
     */
    public void remove(ClaimedCrossPost copy) {
        if (copy.inFlightPart() != null && copy.formatted() && !reconciled(copy)) {
            return;
        }
        List<PublishedPart> parts = new ArrayList<>(work.publishedParts(copy.copyId()));
        if (parts.isEmpty()) {
            outcomes.deletionEnded(copy, DeletionOutcome.ABANDONED, NEVER_PUBLISHED + " on "
                    + copy.link().platform().wireName() + ": nothing to delete", clock.now());
            return;
        }
        Collections.reverse(parts);
        removeAll(copy, parts);
    }

    private void removeAll(ClaimedCrossPost copy, List<PublishedPart> parts) {
        boolean anyRemoved = false;
        for (PublishedPart part : parts) {
            RemovalOutcome outcome = connector(copy).delete(copy.link(), part.remote());
            if (!(outcome instanceof RemovalOutcome.Removed) && !(outcome instanceof RemovalOutcome.AlreadyGone)) {
                unsettled(copy, outcome);
                return;
            }
            anyRemoved |= outcome instanceof RemovalOutcome.Removed;
            work.partRemoved(copy, part.part(), clock.now());
        }
        outcomes.deletionEnded(copy, anyRemoved ? DeletionOutcome.DELIVERED : DeletionOutcome.ALREADY_GONE,
                anyRemoved ? null : copy.link().platform().wireName() + " no longer had the copy", clock.now());
    }

    private void unsettled(ClaimedCrossPost copy, RemovalOutcome outcome) {
        Instant now = clock.now();
        if (outcome instanceof RemovalOutcome.Retry retry) {
            retryLater(copy, Attempt.answered(retry.httpStatus(), retry.reason()), retry.notBefore(),
                    retry.failure());
        } else if (outcome instanceof RemovalOutcome.Unauthorized refused) {
            unauthorized(copy, Attempt.answered(refused.httpStatus(), refused.reason()));
        } else if (outcome instanceof RemovalOutcome.Refused refused) {
            outcomes.deletionEnded(copy, DeletionOutcome.ABANDONED, refused.reason(), now);
        }
    }

    /** A link that still exists can be authorized again; one already removed never will be. */
    private void unauthorized(ClaimedCrossPost copy, Attempt attempt) {
        if (links.findLink(copy.link().linkId()).isPresent()) {
            outcomes.deletionHeld(copy, attempt, clock.now());
        } else {
            outcomes.deletionEnded(copy, DeletionOutcome.ABANDONED, attempt.error()
                    + "; the link was removed, so no fresh credentials can come", clock.now());
        }
    }

    private void retryLater(ClaimedCrossPost copy, Attempt attempt, Instant notBefore, boolean failure) {
        Instant now = clock.now();
        if (!failure) {
            outcomes.deletionRetry(copy, attempt, retries.afterWait(notBefore, now), false, now);
            return;
        }
        Optional<Instant> next = retries.afterFailure(copy, notBefore, now);
        if (next.isPresent()) {
            outcomes.deletionRetry(copy, attempt, next.get(), true, now);
        } else {
            outcomes.deletionEnded(copy, DeletionOutcome.ABANDONED, retries.windowEnded(attempt.error()), now);
        }
    }

    /** @return whether the deletion may go on now */
    private boolean reconciled(ClaimedCrossPost copy) {
        int part = copy.inFlightPart();
        PartOutcome outcome = connector(copy).reconcile(copy.link(),
                PartRequests.of(copy, part, work.publishedParts(copy.copyId())), copy.inFlightSince(),
                c -> work.saveCheckpoint(copy, c));
        if (outcome instanceof PartOutcome.Published published) {
            outcomes.partPublished(copy, part, published.part(), clock.now());
            return true;
        }
        if (outcome instanceof PartOutcome.Refused) {
            return true;
        }
        retryLater(copy, Attempt.unanswered("checking whether part " + part + " was published before deleting "
                + "it: " + describe(outcome)), null, true);
        return false;
    }

    private static String describe(PartOutcome outcome) {
        if (outcome instanceof PartOutcome.Retry retry) {
            return retry.reason();
        }
        if (outcome instanceof PartOutcome.Unknown unknown) {
            return unknown.reason();
        }
        return outcome instanceof PartOutcome.Unauthorized refused ? refused.reason() : outcome.toString();
    }

    private PlatformConnector connector(ClaimedCrossPost copy) {
        return connectors.of(copy.link().platform());
    }
}
