package dev.weft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls of Weft's own API the federation benchmarks make. */
final class WeftApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern LIKES = Pattern.compile("\"likes\"\\s*:\\s*\\{\\s*\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern SERVER_STATE = Pattern.compile("\"host\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*\"state\"\\s*:\\s*\"([^\"]+)\"");

    record Account(String id, String handle, String token) {
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    WeftApi(String base) {
        this.base = base;
    }

    /** Registers an account that may share with the fediverse: public profile, adult, consent accepted. */
    Account sharingAccount(String handle) throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", "/api/v1/accounts", null, "{\"handle\":\"" + handle
                + "\",\"displayName\":\"Bench " + handle + "\",\"publicProfile\":true,\"country\":\"NZ\","
                + "\"birthDate\":\"1990-01-01\"}");
        expect(created, 201, "POST /api/v1/accounts");
        Account account = new Account(group(ID, created.body()), handle, group(TOKEN, created.body()));
        HttpResponse<String> consent = send("PUT", "/api/v1/accounts/" + account.id() + "/fediverse-sharing",
                account.token(), "{\"consentVersion\":\"2026-11\"}");
        if (consent.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT fediverse-sharing answered " + consent.statusCode() + ": "
                    + consent.body());
        }
        return account;
    }

    String publish(Account account, String text) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/v1/accounts/" + account.id() + "/posts", account.token(),
                "{\"text\":\"" + text + "\"}");
        expect(r, 201, "publish");
        return group(ID, r.body());
    }

    long followers(Account account) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/api/v1/accounts/" + account.id() + "/followers?limit=1",
                account.token(), null);
        expect(r, 200, "GET followers");
        return Long.parseLong(group(COUNT, r.body()));
    }

    String status(Account account, String postId) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/api/v1/posts/" + postId + "/status", account.token(), null);
        expect(r, 200, "GET status");
        return r.body();
    }

    static long likes(String statusJson) {
        Matcher m = LIKES.matcher(statusJson);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Count of fediverse servers per copy state in a post status. */
    static java.util.Map<String, Integer> serverStates(String statusJson) {
        java.util.Map<String, Integer> states = new java.util.TreeMap<>();
        Matcher m = SERVER_STATE.matcher(statusJson);
        while (m.find()) {
            states.merge(m.group(1), 1, Integer::sum);
        }
        return states;
    }

    String base() {
        return base;
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String group(Pattern p, String json) {
        Matcher m = p.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + json);
        }
        return m.group(1);
    }
}
