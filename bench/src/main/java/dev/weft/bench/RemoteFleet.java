package dev.weft.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many remote ActivityPub servers in one process: server {@code s} is the loopback address
 * {@code 127.1.x.y} (all of 127.0.0.0/8 reaches this machine on Linux), every one served by
 * a single HTTP server bound to 0.0.0.0 on one port. Which server a request is for is the
 * address the connection was made to, so each IP literal is a host of its own for Weft.
 *
 * <p>It serves the actors' documents ({@code GET /users/u<i>}: Person with inbox, shared
 * inbox and an RSA publicKey) and takes every POST to an inbox with 202, counting it by
 * activity type and recording when each server first received a Create.
 *
 * <p>The actors' RSA keys come from a small pool generated at start (RSA-2048 key generation
 * costs ~0.1 s each; 10,000 of them would take minutes). Every actor still has its own key
 * id ({@code <actor>#main-key}), which is what Weft fetches and caches by.
 */
final class RemoteFleet implements AutoCloseable {
    record Actor(int server, int index, String id, String keyId, KeyPair keys) {
    }

    private final int servers;
    private final int actorsPerServer;
    private final int port;
    private final List<KeyPair> keyPool = new ArrayList<>();
    private final List<String> pemPool = new ArrayList<>();
    private final HttpServer http;
    private final ExecutorService executor;

    final LongAdder actorGets = new LongAdder();
    final LongAdder otherRequests = new LongAdder();
    final LongAdder accepts = new LongAdder();
    final LongAdder creates = new LongAdder();
    final LongAdder otherPosts = new LongAdder();
    final LongAdder handlerNanos = new LongAdder();
    private final AtomicIntegerArray acceptsPerServer;
    private final AtomicIntegerArray createsPerServer;
    private final AtomicLongArray firstCreateNanos;
    private final AtomicLong lastCreateNanos = new AtomicLong();
    private final AtomicLong lastAcceptNanos = new AtomicLong();
    private final Map<String, LongAdder> otherKinds = new ConcurrentHashMap<>();
    private final Map<String, String> otherSamples = new ConcurrentHashMap<>();

    RemoteFleet(int servers, int actorsPerServer, int keyPoolSize, int threads) throws IOException {
        if (servers < 1 || servers > 250 * 250) {
            throw new IllegalArgumentException("servers must be 1..62500, not " + servers);
        }
        this.servers = servers;
        this.actorsPerServer = actorsPerServer;
        this.acceptsPerServer = new AtomicIntegerArray(servers);
        this.createsPerServer = new AtomicIntegerArray(servers);
        this.firstCreateNanos = new AtomicLongArray(servers);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            for (int i = 0; i < keyPoolSize; i++) {
                KeyPair pair = generator.generateKeyPair();
                keyPool.add(pair);
                // JSON-escaped newlines: the PEM goes into the Person document as a JSON string.
                pemPool.add("-----BEGIN PUBLIC KEY-----\\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded()).replace("\n", "\\n")
                        + "\\n-----END PUBLIC KEY-----\\n");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 4096);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fleet-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        port = http.getAddress().getPort();
    }

    int port() {
        return port;
    }

    int servers() {
        return servers;
    }

    int actorsPerServer() {
        return actorsPerServer;
    }

    int actors() {
        return servers * actorsPerServer;
    }

    static String ip(int server) {
        return "127.1." + (1 + server / 250) + "." + (1 + server % 250);
    }

    String origin(int server) {
        return "http://" + ip(server) + ":" + port;
    }

    /** Actor number n of the whole fleet: server n / actorsPerServer, index n % actorsPerServer. */
    Actor actor(int n) {
        int server = n / actorsPerServer;
        int index = n % actorsPerServer;
        String id = origin(server) + "/users/u" + index;
        return new Actor(server, index, id, id + "#main-key", keyPool.get(n % keyPool.size()));
    }

    private int serverOf(HttpExchange exchange) {
        byte[] a = exchange.getLocalAddress().getAddress().getAddress();
        if (a.length != 4 || a[0] != 127 || a[1] != 1) {
            return -1;
        }
        int server = ((a[2] & 0xff) - 1) * 250 + (a[3] & 0xff) - 1;
        return server >= 0 && server < servers ? server : -1;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            int server = serverOf(exchange);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                if (server >= 0 && (path.equals("/inbox") || path.matches("/users/u\\d+/inbox"))) {
                    String json = new String(body, StandardCharsets.UTF_8);
                    long now = System.nanoTime();
                    if (json.contains("\"Accept\"")) {
                        accepts.increment();
                        acceptsPerServer.incrementAndGet(server);
                        lastAcceptNanos.accumulateAndGet(now, Math::max);
                    } else if (json.contains("\"Create\"")) {
                        creates.increment();
                        if (createsPerServer.getAndIncrement(server) == 0) {
                            firstCreateNanos.set(server, now);
                        }
                        lastCreateNanos.accumulateAndGet(now, Math::max);
                    } else {
                        otherPosts.increment();
                        other("POST " + path + " " + typeOf(json), json);
                    }
                    exchange.sendResponseHeaders(202, -1);
                } else {
                    other("POST " + path + " to " + exchange.getLocalAddress().getAddress().getHostAddress(), "");
                    exchange.sendResponseHeaders(404, -1);
                }
                return;
            }
            if (method.equals("GET") && server >= 0 && path.matches("/users/u\\d+")) {
                int index = Integer.parseInt(path.substring("/users/u".length()));
                if (index < actorsPerServer) {
                    actorGets.increment();
                    byte[] doc = person(server, index).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
                    exchange.sendResponseHeaders(200, doc.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(doc);
                    }
                    return;
                }
            }
            other(method + " " + path, "");
            exchange.sendResponseHeaders(404, -1);
        } finally {
            handlerNanos.add(System.nanoTime() - start);
        }
    }

    private void other(String kind, String sample) {
        String k = kind.replaceAll("u\\d+", "u<n>").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>");
        otherRequests.increment();
        otherKinds.computeIfAbsent(k, x -> new LongAdder()).increment();
        otherSamples.putIfAbsent(k, sample.length() > 300 ? sample.substring(0, 300) + "…" : sample);
    }

    private static String typeOf(String json) {
        int i = json.indexOf("\"type\"");
        if (i < 0) {
            return "?";
        }
        int q1 = json.indexOf('"', json.indexOf(':', i) + 1);
        int q2 = q1 < 0 ? -1 : json.indexOf('"', q1 + 1);
        return q1 < 0 || q2 < 0 ? "?" : json.substring(q1 + 1, q2);
    }

    private String person(int server, int index) {
        int n = server * actorsPerServer + index;
        String origin = origin(server);
        String id = origin + "/users/u" + index;
        return "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
                + "\"id\":\"" + id + "\",\"type\":\"Person\",\"preferredUsername\":\"u" + index + "\","
                + "\"name\":\"Bench actor u" + index + " on " + ip(server) + "\","
                + "\"inbox\":\"" + id + "/inbox\",\"outbox\":\"" + id + "/outbox\","
                + "\"followers\":\"" + id + "/followers\",\"following\":\"" + id + "/following\","
                + "\"url\":\"" + id + "\","
                + "\"endpoints\":{\"sharedInbox\":\"" + origin + "/inbox\"},"
                + "\"publicKey\":{\"id\":\"" + id + "#main-key\",\"owner\":\"" + id + "\","
                + "\"publicKeyPem\":\"" + pemPool.get(n % pemPool.size()) + "\"}}";
    }

    /** Forgets the Creates seen so far, so the next post is counted on its own. */
    void forgetCreates() {
        for (int i = 0; i < createsPerServer.length(); i++) {
            createsPerServer.set(i, 0);
            firstCreateNanos.set(i, 0);
        }
        lastCreateNanos.set(0);
        creates.reset();
    }

    long lastCreateNanos() {
        return lastCreateNanos.get();
    }

    long lastAcceptNanos() {
        return lastAcceptNanos.get();
    }

    /** Servers that received at least one Create, and the earliest arrival among them (0 if none). */
    int serversWithCreate() {
        int n = 0;
        for (int i = 0; i < servers; i++) {
            if (createsPerServer.get(i) > 0) {
                n++;
            }
        }
        return n;
    }

    int serversWithAccept() {
        int n = 0;
        for (int i = 0; i < servers; i++) {
            if (acceptsPerServer.get(i) > 0) {
                n++;
            }
        }
        return n;
    }

    long firstCreateNanos() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < servers; i++) {
            long t = firstCreateNanos.get(i);
            if (t != 0) {
                first = Math.min(first, t);
            }
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }

    /** Arrival times (nanoTime) of each server's first Create, sorted, for the delivery curve. */
    long[] createArrivals() {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            long t = firstCreateNanos.get(i);
            if (t != 0) {
                times.add(t);
            }
        }
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int duplicateCreates() {
        int d = 0;
        for (int i = 0; i < servers; i++) {
            d += Math.max(0, createsPerServer.get(i) - 1);
        }
        return d;
    }

    Map<String, Long> otherKinds() {
        Map<String, Long> out = new TreeMap<>();
        otherKinds.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    Map<String, String> otherSamples() {
        return new TreeMap<>(otherSamples);
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
