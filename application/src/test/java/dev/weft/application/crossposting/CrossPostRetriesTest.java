package dev.weft.application.crossposting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.domain.links.Platform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrossPostRetriesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final CrossPostRetries retries = new CrossPostRetries(new CrossPostSettings(Duration.ofSeconds(30),
            Duration.ofHours(2), Duration.ofMinutes(5)));

    @Test
    void aFirstFailureBacksOffFromTheInitialBackoff() {
        Instant next = retries.afterFailure(copy(0, null), null, NOW).orElseThrow();
        assertThat(Duration.between(NOW, next)).isBetween(Duration.ofSeconds(30), Duration.ofMillis(37_500));
    }

    @Test
    void aLaterRetryAfterThanTheBackoffIsHonoured() {
        Instant asked = NOW.plus(Duration.ofMinutes(20));
        assertThat(retries.afterFailure(copy(1, NOW.minusSeconds(60)), asked, NOW)).contains(asked);
    }

    @Test
    void failuresStopWhenTheWindowFromTheFirstFailureIsOver() {
        assertThat(retries.afterFailure(copy(9, NOW.minus(Duration.ofHours(3))), null, NOW)).isEmpty();
    }

    @Test
    void aWaitThePlatformNamedIsKeptExactlyHoweverLong() {
        Instant asked = NOW.plus(Duration.ofDays(3));
        assertThat(retries.afterWait(asked, NOW)).isEqualTo(asked);
    }

    @Test
    void aWaitWithoutAHintLastsTheConfiguredWait() {
        assertThat(retries.afterWait(null, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(retries.afterWait(NOW.minusSeconds(1), NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    private static ClaimedCrossPost copy(int failures, Instant firstFailure) {
        return new ClaimedCrossPost("copy-1", "account-1", "post-1", new LinkTarget("link-1", Platform.MASTODON,
                "https://mastodon.example", "1", "alice"), new PostDraft("hello", null, "en", null), "public", NOW,
                null, null, 1, null, null, null, failures, firstFailure, null);
    }
}
