package dev.weft.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant FIRST = Instant.parse("2026-11-02T10:00:00Z");
    private final RetrySchedule noJitter = new RetrySchedule(Duration.ofSeconds(30), Duration.ofDays(2), () -> 0.0);

    @Test
    void theWaitDoublesFromTheInitialBackoff() {
        assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(noJitter.backoff(5)).isEqualTo(Duration.ofSeconds(480));
    }

    @Test
    void jitterAddsAtMostAQuarter() {
        RetrySchedule maxJitter = new RetrySchedule(Duration.ofSeconds(30), Duration.ofDays(2), () -> 0.999);
        assertThat(maxJitter.backoff(3)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(150));
    }

    @Test
    void aHugeAttemptCountDoesNotOverflow() {
        assertThat(noJitter.backoff(500)).isPositive();
    }

    @Test
    void theNextAttemptFollowsTheBackoff() {
        Instant now = FIRST.plusSeconds(100);
        assertThat(noJitter.next(3, FIRST, now, null)).contains(now.plusSeconds(120));
    }

    @Test
    void aLaterRetryAfterWins() {
        Instant now = FIRST.plusSeconds(10);
        assertThat(noJitter.next(1, FIRST, now, now.plusSeconds(600))).contains(now.plusSeconds(600));
        assertThat(noJitter.next(1, FIRST, now, now.plusSeconds(5))).contains(now.plusSeconds(30));
    }

    @Test
    void theLastAttemptLandsOnTheWindowsEnd() {
        Instant now = FIRST.plus(Duration.ofDays(2)).minusSeconds(10);
        assertThat(noJitter.next(12, FIRST, now, null)).contains(FIRST.plus(Duration.ofDays(2)));
    }

    @Test
    void nothingIsScheduledOnceTheWindowIsOver() {
        assertThat(noJitter.next(13, FIRST, FIRST.plus(Duration.ofDays(2)), null)).isEmpty();
    }

    @Test
    void aRetryAfterBeyondTheWindowEndsIt() {
        Instant now = FIRST.plusSeconds(10);
        assertThat(noJitter.next(1, FIRST, now, FIRST.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-02T10:00:00Z");
        assertThat(RetrySchedule.retryAfter("120", now)).contains(now.plusSeconds(120));
        assertThat(RetrySchedule.retryAfter("Mon, 02 Nov 2026 10:05:00 GMT", now))
                .contains(Instant.parse("2026-11-02T10:05:00Z"));
        assertThat(RetrySchedule.retryAfter("soon", now)).isEmpty();
        assertThat(RetrySchedule.retryAfter(null, now)).isEmpty();
    }
}
