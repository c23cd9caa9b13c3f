package dev.weft.infrastructure.federation.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the inbox queue drains and how long it remembers. workers: threads per node turning
 * stored activities into commands. retention: how long a processed or failed activity (its
 * body holds other people's data) stays in the queue for operators, retries and replay
 * checks. It may not be shorter than MINIMUM_RETENTION: a signature is fresh for an hour
 * either way, so a replay of a forgotten activity id still fails on its Date.
 */
@ConfigurationProperties("weft.federation.inbox")
public record InboxProperties(Integer workers, Duration retention, Duration purgeInterval) {
    static final Duration MINIMUM_RETENTION = Duration.ofHours(2);

    public InboxProperties {
        workers = workers == null ? 2 : workers;
        retention = retention == null ? Duration.ofDays(7) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(10) : purgeInterval;
        if (workers < 1) {
            throw new IllegalArgumentException("weft.federation.inbox.workers must be at least 1, was " + workers);
        }
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("weft.federation.inbox.retention must be at least "
                    + MINIMUM_RETENTION + " (signatures are fresh for an hour either way), was " + retention);
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("weft.federation.inbox.purge-interval must be positive, was "
                    + purgeInterval);
        }
    }
}
