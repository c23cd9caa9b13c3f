package dev.weft.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: what any client of the API would send. */
public final class WeftClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public WeftClient(String base) {
        this.base = base;
    }

    public String baseUrl() {
        return base;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Sends the body as given, byte for byte, to try malformed JSON. */
    public Response postRaw(String path, String token, String rawBody) {
        return sendRaw("POST", path, token, rawBody);
    }

    public Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    /** With headers of the caller's choosing, an X-Forwarded-For among them to speak as one client. */
    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        String raw = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        return sendRaw(method, path, token, raw, headers);
    }

    private Response sendRaw(String method, String path, String token, String body) {
        return sendRaw(method, path, token, body, Map.of());
    }

    /**
     * Each request comes, as far as the engine's limits per client can tell (it trusts the
     * tests' loopback proxy), from a client address of its own, unless the caller names one.
     */
    private Response sendRaw(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        request.header("X-Forwarded-For", headers.getOrDefault("X-Forwarded-For", "198.18."
                + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
                + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255)));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("X-Forwarded-For")) {
                request.header(name, value);
            }
        });
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** retryAfter is the Retry-After header, when there was one. */
    public record Response(int status, String contentType, String body, String retryAfter) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
