package dev.weft.application.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again: the wait doubles from initialBackoff with up to 25% jitter (so the
 * deliveries of one outage do not all return at the same instant), a later Retry-After is
 * honoured, and nothing is tried after maxRetryDuration from the first attempt. The last
 * attempt lands on the window's end rather than being lost to a long doubling step.
 */
public final class RetrySchedule {
    private final Duration initialBackoff;
    private final Duration maxRetryDuration;
    private final DoubleSupplier random;

    public RetrySchedule(Duration initialBackoff, Duration maxRetryDuration, DoubleSupplier random) {
        this.initialBackoff = initialBackoff;
        this.maxRetryDuration = maxRetryDuration;
        this.random = random;
    }

    /**
     * @param attempts attempts made so far, including the one that just failed
     * @return when to try next, or empty when the window is over
     */
    public Optional<Instant> next(int attempts, Instant firstAttemptAt, Instant now, Instant retryAfter) {
        Instant deadline = firstAttemptAt.plus(maxRetryDuration);
        if (!now.isBefore(deadline) || (retryAfter != null && retryAfter.isAfter(deadline))) {
            return Optional.empty();
        }
        Instant next = now.plus(backoff(attempts));
        if (retryAfter != null && retryAfter.isAfter(next)) {
            next = retryAfter;
        }
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }

    Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long base = initialBackoff.toMillis();
        long capped = Long.MAX_VALUE >> (doublings + 2) < base ? Long.MAX_VALUE / 4 : base << doublings;
        long jitter = (long) (capped * 0.25 * random.getAsDouble());
        return Duration.ofMillis(capped + jitter);
    }

    /** Retry-After as delta-seconds or an HTTP-date; empty when absent or unreadable. */
    public static Optional<Instant> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Optional.of(now.plusSeconds(Long.parseLong(value.length() > 12 ? "999999999999" : value)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
