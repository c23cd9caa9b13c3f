package dev.weft.application.crossposting;

import java.time.Duration;

/**
 * How copies to linked accounts are retried. Failures (a 5xx, a refused connection, an
 * answer that never came) back off from initialBackoff and stop maxRetryDuration after the
 * first failure; waits the platform asks for (rate limits, quotas, a container still being
 * processed) are honoured and never end the copy. waitWithoutHint is how long Weft waits
 * when the platform asks it to wait but does not say how long.
 */
public record CrossPostSettings(Duration initialBackoff, Duration maxRetryDuration, Duration waitWithoutHint) {
}
