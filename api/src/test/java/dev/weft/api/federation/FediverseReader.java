package dev.weft.api.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GETs as fediverse software and browsers send them: with an Accept header, no token, no redirects followed. */
final class FediverseReader {
    static final String ACTIVITY = "application/activity+json";
    static final String LD = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    FediverseReader(String base) {
        this.base = base;
    }

    Reply get(String pathOrUrl, String accept) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        String contentType() {
            return header("Content-Type");
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " " + body();
        }
    }
}
