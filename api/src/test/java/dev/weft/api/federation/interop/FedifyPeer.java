package dev.weft.api.federation.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real, independently written ActivityPub server for interop tests: Fedify 1.5 (Node) run
 * from {@code api/src/test/fedify/peer.mjs} as a child process on 127.0.0.1, hosting one
 * actor, and driven through its JSON control API.
 *
 * <pre>{@code
 * try (FedifyPeer bob = FedifyPeer.start("bob")) {
 *     bob.follow(weftActorUrl);                       // Fedify looks the actor up, sends Follow
 *     bob.awaitReceived(r -> r.is("Accept"), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * The first start in a JVM runs {@code npm ci} when {@code node_modules} is missing or older
 * than {@code package-lock.json}. There is no skip: without {@code node} on the PATH the
 * test fails, saying so.
 */
public final class FedifyPeer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static boolean installed;

    private final String actorName;
    private final Process process;
    private final Path log;
    private final int port;
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook;
    private final JsonNode info;

    private FedifyPeer(String actorName, Process process, Path log, int port) {
        this.actorName = actorName;
        this.process = process;
        this.log = log;
        this.port = port;
        this.origin = "http://127.0.0.1:" + port;
        this.shutdownHook = new Thread(this::destroy, "fedify-peer-" + actorName + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.info = get("/_control/info");
    }

    /** Starts a peer hosting the actor {@code actorName} (e.g. "bob") on a free loopback port. */
    public static FedifyPeer start(String actorName) {
        return start(actorName, Map.of());
    }

    /**
     * Starts a peer with extra environment, e.g. {@code LOG_LEVEL=debug} or
     * {@code FOLLOW_POLICY=reject}.
     */
    public static FedifyPeer start(String actorName, Map<String, String> env) {
        Path dir = peerDir();
        Path target = dir.resolve("../../../target/fedify").normalize();
        String node = requireNode();
        ensureInstalled(dir, target);
        Path log = target.resolve("peer-" + actorName + "-" + STARTED.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(node, "peer.mjs")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", "0");
        builder.environment().put("ACTOR", actorName);
        builder.environment().putAll(env);
        Process process;
        try {
            Files.createDirectories(target);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Fedify peer", e);
        }
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStdout(process, actorName, ready), "fedify-peer-" + actorName + "-stdout");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> ready.completeExceptionally(
                new IllegalStateException("exited with code " + process.exitValue())));
        try {
            int port = ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new FedifyPeer(actorName, process, log, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new IllegalStateException("interrupted while starting the Fedify peer", e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            String cause = e instanceof TimeoutException ? "no READY line within " + READY_TIMEOUT : e.getCause().getMessage();
            throw new IllegalStateException("the Fedify peer " + actorName + " did not start (" + cause + "); its log "
                    + log + " ends with:\n" + tail(log, 40));
        }
    }

    // --- where it is --------------------------------------------------------------------

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return origin;
    }

    /** The actor's id, e.g. {@code http://127.0.0.1:PORT/users/bob}. */
    public String actorId() {
        return info.path("actor").asString();
    }

    public String inbox() {
        return info.path("inbox").asString();
    }

    public String sharedInbox() {
        return info.path("sharedInbox").asString();
    }

    public String followersCollection() {
        return info.path("followers").asString();
    }

    /** {@code @bob@127.0.0.1:PORT}; WebFinger on the peer answers {@code acct:bob@127.0.0.1:PORT}. */
    public String handle() {
        return info.path("handle").asString();
    }

    /** The peer's stderr (Fedify's log). */
    public Path log() {
        return log;
    }

    // --- what it received ---------------------------------------------------------------

    /** Every activity that reached an inbox listener: Fedify verified and parsed it. */
    public List<Received> received() {
        List<Received> all = new ArrayList<>();
        for (JsonNode node : get("/_control/inbox")) {
            all.add(Received.of(node));
        }
        return all;
    }

    /** Polls {@link #received()} until one matches; fails with what did arrive otherwise. */
    public Received awaitReceived(Predicate<Received> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<Received> found = received().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the Fedify peer " + actorName + " did not receive the expected activity within "
                        + timeout + "; it received " + received().stream().map(Received::summary).toList()
                        + "; inbox deliveries: " + deliveries());
            }
            sleep(100);
        }
    }

    /** Waits for an activity of this type (e.g. "Create") whose object id is objectId (null: any). */
    public Received awaitReceived(String type, String objectId, Duration timeout) {
        return awaitReceived(r -> r.is(type) && (objectId == null || objectId.equals(r.objectId())), timeout);
    }

    /**
     * Every POST to one of its inboxes with Fedify's answer, rejected ones too: status 401
     * ("Failed to verify the request signature."), 400, 202 ("already been processed").
     */
    public List<JsonNode> deliveries() {
        List<JsonNode> all = new ArrayList<>();
        get("/_control/deliveries").forEach(all::add);
        return all;
    }

    /** Actor ids that follow the peer (it accepts every Follow unless told otherwise). */
    public List<String> followers() {
        List<String> ids = new ArrayList<>();
        get("/_control/followers").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** Actors the peer sent a Follow to: {actor, followId, state: pending|accepted|rejected}. */
    public List<JsonNode> following() {
        List<JsonNode> all = new ArrayList<>();
        get("/_control/following").forEach(all::add);
        return all;
    }

    /** Forgets received activities and deliveries. */
    public void reset() {
        post("/_control/reset", Map.of());
    }

    /**
     * Also drops Fedify's key-value store: its cached remote documents (kept 5 minutes),
     * public keys, and the ids of activities it already processed.
     */
    public void resetIncludingCaches() {
        post("/_control/reset", Map.of("cache", true));
    }

    /** What the peer does with an incoming Follow: "accept" (default), "reject" or "ignore". */
    public void followPolicy(String policy) {
        post("/_control/config", Map.of("followPolicy", policy));
    }

    // --- what it does -------------------------------------------------------------------

    /** Looks up the actor by URL and sends it a Follow; returns the Follow's id. */
    public String follow(String actorUrl) {
        return post("/_control/follow", Map.of("actor", actorUrl)).path("id").asString();
    }

    /** Sends Undo(Follow) for an earlier {@link #follow}; returns the Undo's id. */
    public String unfollow(String actorUrl) {
        return post("/_control/unfollow", Map.of("actor", actorUrl)).path("id").asString();
    }

    /** Sends Like of objectUrl to the inbox of its author; returns the Like's id. */
    public String like(String objectUrl, String authorActorUrl) {
        return post("/_control/like", Map.of("object", objectUrl, "actor", authorActorUrl)).path("id").asString();
    }

    public String unlike(String likeId, String objectUrl, String authorActorUrl) {
        return post("/_control/unlike", Map.of("likeId", likeId, "object", objectUrl, "actor", authorActorUrl))
                .path("id").asString();
    }

    /** Sends a public Announce of objectUrl to its author; returns the Announce's id. */
    public String announce(String objectUrl, String authorActorUrl) {
        return post("/_control/announce", Map.of("object", objectUrl, "actor", authorActorUrl)).path("id").asString();
    }

    public String unannounce(String announceId, String objectUrl, String authorActorUrl) {
        return post("/_control/unannounce", Map.of("announceId", announceId, "object", objectUrl, "actor", authorActorUrl))
                .path("id").asString();
    }

    /** Sends Create(Note) in reply to inReplyTo, mentioning its author, to the author's inbox. */
    public Post reply(String inReplyTo, String authorActorUrl, String content) {
        return Post.of(post("/_control/reply", Map.of("inReplyTo", inReplyTo, "actor", authorActorUrl, "content", content)));
    }

    /** Sends a public Create(Note) (to as:Public, cc its followers) to every follower. */
    public Post publish(String content) {
        return Post.of(post("/_control/publish", Map.of("content", content)));
    }

    /** Sends Delete(Tombstone) of one of its notes to its followers; returns the Delete's id. */
    public String delete(String noteId) {
        return post("/_control/delete", Map.of("object", noteId)).path("id").asString();
    }

    /**
     * POSTs the JSON as given to an inbox with only a draft-cavage HTTP signature by the
     * peer's actor key (no Linked Data signature, no proof); returns the inbox's answer.
     */
    public SignedResponse sendSigned(String inboxUrl, String activityJson) {
        JsonNode answer = post("/_control/send-signed", Map.of("inbox", inboxUrl, "activity", activityJson));
        return new SignedResponse(answer.path("status").asInt(), answer.path("body").asString());
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    @Override
    public String toString() {
        return "FedifyPeer[" + actorId() + ", log " + log + "]";
    }

    // --- values -------------------------------------------------------------------------

    /** A Note the peer wrote and the Create that carried it. */
    public record Post(String noteId, String createId) {
        static Post of(JsonNode node) {
            return new Post(node.path("id").asString(), node.path("activityId").asString());
        }
    }

    public record SignedResponse(int status, String body) {}

    /**
     * An activity that reached an inbox listener. {@code raw} is the JSON exactly as the
     * sender POSTed it; {@code parsed} is Fedify's compacted re-serialisation of what it
     * understood; {@code record} is the whole control-API entry (headers, signedWith, ...).
     */
    public record Received(String type, String id, String actor, String objectId, String objectType,
                           boolean verified, JsonNode raw, JsonNode parsed, JsonNode record) {
        static Received of(JsonNode n) {
            return new Received(text(n, "type"), text(n, "id"), text(n, "actor"), text(n, "objectId"),
                    text(n, "objectType"), n.path("verified").asBoolean(), n.path("raw"), n.path("parsed"), n);
        }

        public boolean is(String activityType) {
            return activityType.equals(type);
        }

        /** The Signature header the sender used, or null. */
        public String signatureHeader() {
            return text(record.path("headers"), "signature");
        }

        String summary() {
            return type + " " + id + " by " + actor + " of " + objectId;
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.path(field);
            return value.isNull() || value.isMissingNode() ? null : value.asString();
        }
    }

    // --- plumbing -----------------------------------------------------------------------

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET(), "GET " + path);
    }

    private JsonNode post(String path, Map<String, ?> body) {
        String json = JSON.writeValueAsString(new LinkedHashMap<>(body));
        return send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), "POST " + path + " " + json);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Fedify peer " + actorName + ": " + what + " failed; log " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Fedify peer " + actorName + ": " + what + " -> " + response.statusCode()
                    + " " + response.body() + "\nits log " + log + " ends with:\n" + tail(log, 20));
        }
        return JSON.readTree(response.body());
    }

    private void destroy() {
        kill(process);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void readStdout(Process process, String actorName, CompletableFuture<Integer> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone() && line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.substring("READY ".length()).trim()));
                } else {
                    System.out.println("[fedify " + actorName + "] " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    /** api/src/test/fedify, from the api module (as Maven runs tests) or the repository root. */
    static Path peerDir() {
        String configured = System.getProperty("weft.fedify.dir");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("src/test/fedify"), Path.of("api/src/test/fedify"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("peer.mjs"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find peer.mjs in " + candidates + " from " + Path.of("").toAbsolutePath());
    }

    private static String requireNode() {
        String node = System.getenv().getOrDefault("WEFT_NODE", "node");
        String version;
        try {
            Process probe = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                throw new IllegalStateException("`" + node + " --version` failed: " + version);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Node.js is required for the Fedify interop peer, but `" + node
                    + "` is not on the PATH (" + e.getMessage() + "). Install Node 20 or later (CI has it), "
                    + "or point WEFT_NODE at a node binary.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing node", e);
        }
        int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
        if (major < 20) {
            throw new IllegalStateException("the Fedify peer needs Node 20 or later; `" + node + "` is " + version);
        }
        return node;
    }

    /** npm ci, once per JVM, when node_modules is missing or older than the lock file. */
    private static synchronized void ensureInstalled(Path dir, Path target) {
        if (installed) {
            return;
        }
        Path lock = dir.resolve("package-lock.json");
        Path manifest = dir.resolve("package.json");
        Path marker = dir.resolve("node_modules/.weft-installed");
        try {
            boolean fresh = Files.isRegularFile(marker)
                    && !modified(marker).isBefore(modified(Files.exists(lock) ? lock : manifest))
                    && !modified(marker).isBefore(modified(manifest));
            if (!fresh) {
                Files.createDirectories(target);
                Path npmLog = target.resolve("npm-install.log");
                List<String> command = Files.exists(lock)
                        ? List.of("npm", "ci", "--no-audit", "--no-fund")
                        : List.of("npm", "install", "--no-audit", "--no-fund");
                Process npm;
                try {
                    npm = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                            .redirectOutput(npmLog.toFile()).start();
                } catch (IOException e) {
                    throw new IllegalStateException("npm is required to install the Fedify peer (" + e.getMessage() + ")", e);
                }
                if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    npm.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT);
                }
                if (npm.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed with "
                            + npm.exitValue() + ":\n" + tail(npmLog, 40));
                }
                Files.writeString(marker, Instant.now().toString());
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm install", e);
        }
    }

    private static Instant modified(Path path) throws IOException {
        FileTime time = Files.getLastModifiedTime(path);
        return time.toInstant();
    }

    private static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
