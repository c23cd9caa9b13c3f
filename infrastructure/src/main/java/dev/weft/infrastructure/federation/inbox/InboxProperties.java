package dev.weft.infrastructure.federation.inbox;

import dev.weft.infrastructure.federation.signatures.HttpSignatureVerifier;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the inbox queue drains and how long it remembers.
 * <ul>
 * <li>workers: threads per node turning stored activities into commands;</li>
 * <li>retention: how long a settled activity keeps its raw body (other people's text) for
 * operators and retries;</li>
 * <li>dedupeWindow: how long its id, type, actor and object stay, so a re-delivery is refused
 * as a duplicate and an Undo naming it by id is understood. Senders retry for weeks (Mastodon
 * for about a month when an answer was lost), and a replay of a forgotten id must at least
 * carry a stale signature, hence the minimum;</li>
 * <li>purgeInterval: how often each node erases and deletes what is due.</li>
 * </ul>
 */
@ConfigurationProperties("weft.federation.inbox")
public record InboxProperties(Integer workers, Duration retention, Duration dedupeWindow, Duration purgeInterval) {
    static final Duration MINIMUM_DEDUPE_WINDOW = HttpSignatureVerifier.ALLOWED_SKEW.multipliedBy(2);

    public InboxProperties {
        workers = workers == null ? 2 : workers;
        retention = retention == null ? Duration.ofDays(7) : retention;
        dedupeWindow = dedupeWindow == null ? Duration.ofDays(90) : dedupeWindow;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(10) : purgeInterval;
        require(workers >= 1, "workers must be at least 1, was " + workers);
        require(!retention.isNegative() && !retention.isZero(), "retention must be positive, was " + retention);
        require(dedupeWindow.compareTo(MINIMUM_DEDUPE_WINDOW) >= 0, "dedupe-window must be at least "
                + MINIMUM_DEDUPE_WINDOW + " (twice the hour a signature stays fresh), was " + dedupeWindow);
        require(dedupeWindow.compareTo(retention) >= 0, "dedupe-window (" + dedupeWindow
                + ") must not be shorter than retention (" + retention + ")");
        require(purgeInterval.compareTo(Duration.ofSeconds(1)) >= 0,
                "purge-interval must be at least 1s, was " + purgeInterval);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("weft.federation.inbox." + problem);
        }
    }
}
