package dev.weft.infrastructure.http;

import java.io.IOException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * A pooled keep-alive connection the server closed meanwhile fails at once with no answer;
 * a GET is then sent again, at most twice, as the next pooled connection may be just as
 * stale. A POST is not: its outcome is the
 * delivery engine's to judge, and servers dedupe activities anyway. Answers are never
 * retried here, so a Retry-After can never hold a thread.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return execCount <= 2 && exception instanceof NoHttpResponseException && "GET".equals(request.getMethod());
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
