package dev.weft.api.federation.inbox;

import com.sun.net.httpserver.HttpServer;
import dev.weft.api.support.federation.SignedActivities;
import dev.weft.application.federation.keys.KeyEncodings;
import dev.weft.infrastructure.federation.signatures.HttpSignatureSigner;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import dev.weft.infrastructure.federation.signatures.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A minimal remote server for inbox tests: it serves actor documents with RSA keys, and
 * signs requests as those actors the way Mastodon does, so each test can bend one rule.
 */
public final class RemoteActorServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, String> alsoKnownAs = new ConcurrentHashMap<>();
    private final java.util.List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    public RemoteActorServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/inbox", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.createContext("/users/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/users/".length());
            KeyPair pair = keys.get(name);
            byte[] body = pair == null ? new byte[0] : actorDocument(name, pair).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(pair == null ? 404 : 200, pair == null ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/.well-known/webfinger", exchange -> {
            String query = java.net.URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()),
                    StandardCharsets.UTF_8);
            String suffix = "@" + host();
            String name = query.startsWith("resource=acct:") && query.endsWith(suffix)
                    ? query.substring("resource=acct:".length(), query.length() - suffix.length()) : "";
            byte[] body = keys.containsKey(name) ? webFingerDocument(name).getBytes(StandardCharsets.UTF_8) : null;
            exchange.getResponseHeaders().add("Content-Type", "application/jrd+json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** The WebFinger domain of this server's actors, as in alice@127.0.0.1:port. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private String webFingerDocument(String name) {
        return "{\"subject\": \"acct:" + name + "@" + host() + "\", \"links\": ["
                + "{\"rel\": \"http://webfinger.net/rel/profile-page\", \"type\": \"text/html\", \"href\": \""
                + origin() + "/@" + name + "\"}, "
                + "{\"rel\": \"self\", \"type\": \"application/activity+json\", \"href\": \""
                + origin() + "/users/" + name + "\"}]}";
    }

    public String actor(String name) {
        keys.computeIfAbsent(name, n -> SignedActivities.rsa());
        return origin() + "/users/" + name;
    }

    /** The actor's document will name the other actor as an earlier identity of its person. */
    public void alsoKnownAs(String name, String otherActor) {
        actor(name);
        alsoKnownAs.put(name, otherActor);
    }

    /** Bodies of the activities delivered to this server's shared inbox. */
    public java.util.List<String> delivered() {
        return delivered;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Signs as keyOwner with signingName's private key: the same name for an honest request. */
    HttpResponse<String> post(String inbox, String body, String keyOwner, String signingName,
                              Supplier<Instant> clock, String sentBody) {
        SigningKey key = new SigningKey(actor(keyOwner) + "#main-key", keys.get(signingName(signingName)).getPrivate());
        return send(SignedActivities.post(URI.create(inbox), body, sentBody, key, clock));
    }

    /** A GET signed as the actor, as servers with authorized fetch sign their fetches. */
    public HttpResponse<String> getSigned(String url, String actorName, String signingName) {
        URI target = URI.create(url);
        SigningKey key = new SigningKey(actor(actorName) + "#main-key", keys.get(signingName(signingName)).getPrivate());
        Map<String, String> headers = new HttpSignatureSigner().sign("GET", target, null, key,
                SignatureScheme.DRAFT_CAVAGE);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Accept", "application/activity+json")
                .GET();
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        return send(request.build());
    }

    /** An activity of one of this server's actors; object is JSON (a quoted IRI or an object). */
    public String activity(String type, String actorName, String object) {
        return "{\"id\": \"" + origin() + "/activities/" + java.util.UUID.randomUUID() + "\", \"type\": \"" + type
                + "\", \"actor\": \"" + actor(actorName) + "\", \"object\": " + object + "}";
    }

    public HttpResponse<String> post(String inbox, String body, String actorName) {
        return post(inbox, body, actorName, actorName, Instant::now, body);
    }

    HttpResponse<String> postUnsigned(String inbox, String body) {
        return send(HttpRequest.newBuilder(URI.create(inbox)).header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String signingName(String name) {
        actor(name);
        return name;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String actorDocument(String name, KeyPair pair) {
        String id = origin() + "/users/" + name;
        return """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "id": "%s", "type": "Person", "preferredUsername": "%s", "inbox": "%s/inbox",
                 "endpoints": {"sharedInbox": "%s/inbox"}, "alsoKnownAs": [%s],
                 "publicKey": {"id": "%s#main-key", "owner": "%s", "publicKeyPem": %s}}
                """.formatted(id, name, origin(), origin(),
                alsoKnownAs.containsKey(name) ? quoted(alsoKnownAs.get(name)) : "", id, id,
                quoted(KeyEncodings.pem(pair.getPublic())));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
