package dev.weft.application.crossposting.platforms;

import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.domain.links.Platform;
import java.time.Instant;
import java.util.Optional;

/**
 * One platform's published HTTP API, spoken on behalf of one linked account. Connectors
 * are the only code that sees a link's secret in clear: they read it from
 * {@link LinkSecrets} when they need it and keep it in memory only for the request.
 * Every answer is a value saying what happened; a connector never throws for something the
 * platform said, so the caller can record each outcome as the platform worded it.
 */
public interface PlatformConnector {
    Platform platform();

    /**
     * Checks credentials the person just gave, before anything is stored.
     *
     * @throws CredentialsRejectedException when the platform refuses them
     * @throws PlatformUnreachableException when the platform could not be asked
     */
    VerifiedAccount verify(LinkRequest request);

    /** How this account's platform counts and limits a post; may ask the platform (cached). */
    TargetRules rules(LinkTarget link);

    /** Waits owed to a quota before parts more posts can go, when the platform publishes one. */
    Optional<Instant> quotaWait(LinkTarget link, int parts, Instant now);

    /** Publishes one part; a part's idempotency key is the same on every attempt. */
    PartOutcome publish(LinkTarget link, PartRequest part, Checkpoints checkpoints);

    /**
     * An earlier attempt at this part ended without an answer (a timeout, a lost
     * connection): finds out whether it was published, and publishes it if it was not,
     * without ever making a second copy.
     */
    PartOutcome reconcile(LinkTarget link, PartRequest part, Instant attemptStartedAt, Checkpoints checkpoints);

    /** Asks the platform to delete one published part. */
    RemovalOutcome delete(LinkTarget link, RemotePart part);

    /**
     * Renews the link's token ahead of its expiry, where the platform renews tokens (Threads'
     * long-lived tokens); the others answer {@link CredentialRefresh.NotDue}.
     */
    default CredentialRefresh refreshIfDue(LinkTarget link, Instant now) {
        return new CredentialRefresh.NotDue();
    }

    /** Saves a connector's progress inside one part (a Threads container id), before the next step. */
    interface Checkpoints {
        void save(String checkpoint);
    }
}
