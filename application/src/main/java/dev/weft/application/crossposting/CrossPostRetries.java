package dev.weft.application.crossposting;

import dev.weft.application.shared.RetrySchedule;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When a copy goes again. A failure backs off and counts against the retry window; a wait
 * the platform asked for is honoured as asked and counts against nothing, so a quota or a
 * rate limit queues copies rather than dropping them.
 */
@Component
public class CrossPostRetries {
    private final CrossPostSettings settings;
    private final RetrySchedule schedule;

    public CrossPostRetries(CrossPostSettings settings) {
        this.settings = settings;
        this.schedule = new RetrySchedule(settings.initialBackoff(), settings.maxRetryDuration(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @return when to try again after a failure, or empty when the retry window is over */
    public Optional<Instant> afterFailure(ClaimedCrossPost copy, Instant notBefore, Instant now) {
        Instant first = copy.firstFailureAt() != null ? copy.firstFailureAt() : now;
        return schedule.next(copy.failures() + 1, first, now, notBefore);
    }

    public Instant afterWait(Instant notBefore, Instant now) {
        return notBefore != null && notBefore.isAfter(now) ? notBefore : now.plus(settings.waitWithoutHint());
    }

    public String windowEnded(String error) {
        return error + "; retries ended after " + settings.maxRetryDuration();
    }
}
