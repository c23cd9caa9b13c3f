package dev.weft.api.crossposting.platforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A plain HTTP client for the fakes' self-tests, so they speak to the fakes as any client would. */
final class Http {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    // HTTP/1.1: over plain http the JDK client's first request to a server tries an h2c upgrade
    // and holds its later requests until that one is answered, so a planned delay on a first
    // request would stall the requests after it, which no platform's HTTPS endpoint does.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PATIENCE).build();

    record Reply(int status, HttpHeaders headers, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Http() {
    }

    static Reply get(String url, String... headers) {
        return send(builder(url, PATIENCE, headers).GET());
    }

    static Reply delete(String url, String... headers) {
        return send(builder(url, PATIENCE, headers).DELETE());
    }

    static Reply postForm(String url, Map<String, String> form, String... headers) {
        return send(formPost(url, form, PATIENCE, headers));
    }

    static Reply postJson(String url, JsonNode body, String... headers) {
        return send(jsonPost(url, body, PATIENCE, headers));
    }

    /** Gives up after the timeout, as a connector's client does, whatever the server then does. */
    static HttpTimeoutException postFormTimingOut(String url, Map<String, String> form, Duration timeout,
                                                  String... headers) {
        return timingOut(formPost(url, form, timeout, headers), timeout);
    }

    static HttpTimeoutException postJsonTimingOut(String url, JsonNode body, Duration timeout, String... headers) {
        return timingOut(jsonPost(url, body, timeout, headers), timeout);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private static HttpTimeoutException timingOut(HttpRequest.Builder request, Duration timeout) {
        try {
            CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException expected) {
            return expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the request was answered within " + timeout);
    }

    private static HttpRequest.Builder jsonPost(String url, JsonNode body, Duration timeout, String... headers) {
        return builder(url, timeout, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }

    private static HttpRequest.Builder formPost(String url, Map<String, String> form, Duration timeout,
                                                String... headers) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return builder(url, timeout, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder builder(String url, Duration timeout, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), Json.parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
