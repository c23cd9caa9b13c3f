package dev.weft.infrastructure.crossposting;

import dev.weft.infrastructure.http.BlockedDestinationException;
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.ResponseTooLargeException;
import dev.weft.infrastructure.http.SafeHttpClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One platform's requests, all made through {@link SafeHttpClient}. A request that fails
 * on the way is raised as a {@link FailedRequest} saying what may have happened: when nothing
 * was sent it is worth trying again; when the request went out unanswered, only a request
 * that may publish leaves the outcome unknown: reading or deleting again is harmless.
 */
public final class PlatformClient {

    /** What sending a request a second time could do. */
    public enum IfRepeated { HARMLESS, MAY_DUPLICATE }

    private final SafeHttpClient http;
    private final String platform;

    public PlatformClient(SafeHttpClient http, String platform) {
        this.http = http;
        this.platform = platform;
    }

    public static boolean succeeded(HttpReply reply) {
        return reply.status() >= 200 && reply.status() < 300;
    }

    public HttpReply get(URI target, Map<String, String> headers) {
        return send(() -> http.get(target, headers), IfRepeated.HARMLESS);
    }

    public HttpReply post(URI target, Map<String, String> headers, byte[] body, IfRepeated ifRepeated) {
        return send(() -> http.post(target, headers, body), ifRepeated);
    }

    public HttpReply delete(URI target, Map<String, String> headers) {
        return send(() -> http.delete(target, headers), IfRepeated.HARMLESS);
    }

    private HttpReply send(Supplier<HttpReply> request, IfRepeated ifRepeated) {
        try {
            return request.get();
        } catch (UncheckedIOException | BlockedDestinationException | ResponseTooLargeException e) {
            throw new FailedRequest(failureOf(e, ifRepeated));
        }
    }

    private PlatformFailure failureOf(RuntimeException failure, IfRepeated ifRepeated) {
        String reason = TransportFailures.describe(platform, failure);
        if (TransportFailures.nothingWasSent(failure) || ifRepeated == IfRepeated.HARMLESS) {
            return PlatformFailure.retry(reason, null, null);
        }
        return PlatformFailure.unknown(reason + "; the post may have been published");
    }
}
