package dev.weft.infrastructure.federation.delivery;

import dev.weft.application.shared.RetrySchedule;
import dev.weft.infrastructure.http.BlockedDestinationException;
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.ResponseTooLargeException;
import java.io.InterruptedIOException;
import java.time.Instant;

/**
 * Retry what may work later, give up on what will not. A 401 is retried because servers
 * answer it while they cannot yet fetch our key (a new account, their cache, our restart);
 * 408 and 429 ask to come back later. Any other 4xx refuses this activity for good.
 */
public final class AttemptClassifier {
    private AttemptClassifier() {
    }

    public static Verdict of(HttpReply reply, Instant now) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return new Verdict(Verdict.Kind.DELIVERED, status, null, false, null);
        }
        Instant retryAfter = RetrySchedule.retryAfter(reply.header("retry-after"), now).orElse(null);
        String error = "HTTP " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return new Verdict(Verdict.Kind.RETRY, status, error, true, retryAfter);
        }
        if (status == 401) {
            return new Verdict(Verdict.Kind.RETRY, status, error, false, retryAfter);
        }
        if (status >= 400) {
            return new Verdict(Verdict.Kind.PERMANENT, status, error, false, null);
        }
        return new Verdict(Verdict.Kind.RETRY, status, error + " (redirects are not followed for POST)", false,
                retryAfter);
    }

    public static Verdict of(RuntimeException failure) {
        if (failure instanceof BlockedDestinationException) {
            return new Verdict(Verdict.Kind.PERMANENT, null, "refused destination: " + failure.getMessage(), false,
                    null);
        }
        if (failure instanceof ResponseTooLargeException) {
            return new Verdict(Verdict.Kind.RETRY, null, failure.getMessage(), false, null);
        }
        return new Verdict(Verdict.Kind.RETRY, null, describe(failure), true, null);
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return "timed out: " + t.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
