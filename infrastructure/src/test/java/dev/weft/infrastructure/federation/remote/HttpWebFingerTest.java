package dev.weft.infrastructure.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.weft.infrastructure.http.AddressPolicy;
import dev.weft.infrastructure.http.ApacheSafeHttpClient;
import dev.weft.infrastructure.http.SafeHttpSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** WebFinger answers served on 127.0.0.1 as Mastodon writes them. */
class HttpWebFingerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private HttpServer server;
    private String domain;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, String> accepts = new ConcurrentHashMap<>();
    private ApacheSafeHttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/webfinger", exchange -> {
            String resource = exchange.getRequestURI().getQuery();
            accepts.put(resource, String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            String body = answers.get(resource);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jrd+json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        domain = "127.0.0.1:" + server.getAddress().getPort();
        http = new ApacheSafeHttpClient(new SafeHttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 100_000, 4,
                List.of("127.0.0.0/8"), "Weft/test"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpWebFinger allowingLoopback() {
        return new HttpWebFinger(http, new AddressPolicy(List.of("127.0.0.0/8")));
    }

    private void serve(String user, String links) {
        answers.put("resource=acct:" + user + "@" + domain, "{\"subject\": \"acct:" + user + "@" + domain
                + "\", \"links\": [" + links + "]}");
    }

    @Test
    void theSelfLinkOfAnActivityPubTypeIsTheActor() {
        serve("alice", "{\"rel\": \"http://webfinger.net/rel/profile-page\", \"type\": \"text/html\", "
                + "\"href\": \"http://" + domain + "/@alice\"}, {\"rel\": \"self\", \"type\": "
                + "\"application/activity+json\", \"href\": \"http://" + domain + "/users/alice\"}");

        assertThat(allowingLoopback().actorOf("alice", domain)).contains("http://" + domain + "/users/alice");
        assertThat(accepts.get("resource=acct:alice@" + domain)).contains("application/jrd+json");
    }

    @Test
    void anUnknownAccountOrOneWithNoActorGivesNothing() {
        serve("bob", "{\"rel\": \"self\", \"type\": \"text/html\", \"href\": \"http://" + domain + "/@bob\"}");

        assertThat(allowingLoopback().actorOf("bob", domain)).isEmpty();
        assertThat(allowingLoopback().actorOf("nobody", domain)).isEmpty();
    }

    @Test
    void plainHttpIsNeverTriedForAHostOutsideTheAllowedPrivateNetworks() {
        serve("carol", "{\"rel\": \"self\", \"type\": \"application/activity+json\", \"href\": \"http://" + domain
                + "/users/carol\"}");
        HttpWebFinger publicOnly = new HttpWebFinger(http, new AddressPolicy(List.of()));

        assertThat(publicOnly.actorOf("carol", domain)).isEmpty();
        assertThat(accepts).isEmpty();
    }

    @Test
    void anLdJsonSelfLinkWithTheActivityStreamsProfileCounts() {
        assertThat(HttpWebFinger.selfLink(JSON.readTree("{\"links\": [{\"rel\": \"self\", \"type\": "
                + "\"application/ld+json; profile=\\\"https://www.w3.org/ns/activitystreams\\\"\", "
                + "\"href\": \"https://example.social/u/dave\"}]}"))).contains("https://example.social/u/dave");
        assertThat(HttpWebFinger.selfLink(JSON.readTree("{\"links\": [{\"rel\": \"self\", \"type\": "
                + "\"application/activity+json\", \"href\": \"javascript:alert(1)\"}]}"))).isEmpty();
    }
}
