package dev.weft.api.support.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.application.federation.keys.KeyEncodings;
import dev.weft.infrastructure.federation.signatures.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Many fediverse servers on one machine: server k listens on an address of its own in
 * 127.0.0.0/8 (127.0.0.2, 127.0.0.3, ..., 127.0.1.2, ...), which Weft counts as a server
 * of its own (it tells servers apart by host name), and has one actor whose Follows it
 * signs. Every inbox answers 202 after a short delay, as a busy server
 * would, and keeps what it received by host. The actors share one RSA key: what is tested
 * is the fan-out, not the keys.
 */
public final class LoopbackFleet implements AutoCloseable {
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers = Executors.newFixedThreadPool(32);
    private final KeyPair key = SignedActivities.rsa();
    private final long inboxDelayMillis;
    private final Map<String, ConcurrentLinkedQueue<String>> received = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();

    public LoopbackFleet(int size, long inboxDelayMillis) {
        this.inboxDelayMillis = inboxDelayMillis;
        for (int k = 0; k < size; k++) {
            servers.add(started("127.0." + (k / 250) + "." + (k % 250 + 2)));
        }
    }

    private HttpServer started(String address) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
            server.setExecutor(handlers);
            server.createContext("/inbox", this::inbox);
            server.createContext("/users/", exchange -> respond(exchange, 200,
                    actorDocument(origin(exchange.getLocalAddress())).getBytes(StandardCharsets.UTF_8)));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return servers.size();
    }

    /** The one actor of server k. */
    public String actor(int k) {
        return origin(servers.get(k).getAddress()) + "/users/f";
    }

    /** Server k's name as Weft knows it. */
    public String host(int k) {
        return servers.get(k).getAddress().getHostString();
    }

    /** Sends a signed Follow of the target from server k's actor; the HTTP status of the answer. */
    public int follow(int k, String targetActor, String inbox) {
        String body = "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"" + origin(
                servers.get(k).getAddress()) + "/follows/" + UUID.randomUUID() + "\", \"type\": \"Follow\", "
                + "\"actor\": \"" + actor(k) + "\", \"object\": \"" + targetActor + "\"}";
        HttpRequest request = SignedActivities.post(URI.create(inbox), body, body,
                new SigningKey(actor(k) + "#main-key", key.getPrivate()), Instant::now);
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many bodies of activities of this type naming this text each server received, by host. */
    public Map<String, Long> receivedBy(String type, String naming) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        received.forEach((host, bodies) -> {
            long count = bodies.stream().filter(b -> b.contains("\"type\":\"" + type + "\"")
                    || b.contains("\"type\": \"" + type + "\"")).filter(b -> b.contains(naming)).count();
            if (count > 0) {
                counts.put(host, count);
            }
        });
        return counts;
    }

    private void inbox(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.computeIfAbsent(exchange.getLocalAddress().getHostString(), h -> new ConcurrentLinkedQueue<>())
                .add(body);
        try {
            Thread.sleep(inboxDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String origin(InetSocketAddress address) {
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    private String actorDocument(String origin) {
        String id = origin + "/users/f";
        return """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "id": "%s", "type": "Person", "preferredUsername": "f", "inbox": "%s/inbox",
                 "endpoints": {"sharedInbox": "%s/inbox"},
                 "publicKey": {"id": "%s#main-key", "owner": "%s", "publicKeyPem": "%s"}}
                """.formatted(id, origin, origin, id, id,
                KeyEncodings.pem(key.getPublic()).replace("\n", "\\n"));
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        handlers.shutdownNow();
    }
}
