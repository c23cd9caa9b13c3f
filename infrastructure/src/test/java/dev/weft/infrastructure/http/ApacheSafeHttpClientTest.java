package dev.weft.infrastructure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real server on 127.0.0.1, which only the allow list opens. */
class ApacheSafeHttpClientTest {
    private HttpServer server;
    private String base;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<String> userAgent = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> answer(exchange, 200, "hello"));
        server.createContext("/redirect/", exchange -> {
            int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/redirect/".length()));
            exchange.getResponseHeaders().add("Location", left == 0 ? "/ok" : "/redirect/" + (left - 1));
            answer(exchange, 302, "");
        });
        server.createContext("/to-private", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://10.255.255.1:" + port() + "/ok");
            answer(exchange, 301, "");
        });
        server.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(5000)));
        server.createContext("/big-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 100; i++) {
                exchange.getResponseBody().write("y".repeat(100).getBytes(StandardCharsets.UTF_8));
            }
            exchange.close();
        });
        server.createContext("/hang", exchange -> {
            sleep(3000);
            answer(exchange, 200, "late");
        });
        server.start();
        base = "http://127.0.0.1:" + port();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        hits.incrementAndGet();
        userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static ApacheSafeHttpClient client(List<String> allowed) {
        return new ApacheSafeHttpClient(new SafeHttpSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 1000, 4,
                allowed, ApacheSafeHttpClient.userAgent("https://weft.example")));
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowList() {
        ApacheSafeHttpClient client = client(List.of());
        assertThatThrownBy(() -> client.get(URI.create(base + "/ok"), Map.of()))
                .isInstanceOf(BlockedDestinationException.class).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> client.post(URI.create("http://localhost:" + port() + "/ok"), Map.of(),
                new byte[] {1})).isInstanceOf(BlockedDestinationException.class);
        assertThat(hits).hasValue(0);
    }

    @Test
    void loopbackIsReachedWhenAllowed() {
        HttpReply reply = client(List.of("127.0.0.0/8")).get(URI.create(base + "/ok"), Map.of("Accept", "text/plain"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(userAgent.get()).isEqualTo("Weft/0.1.0 (+https://weft.example)");
    }

    @Test
    void threeRedirectsAreFollowedButNotFour() {
        ApacheSafeHttpClient client = client(List.of("127.0.0.0/8"));
        HttpReply reply = client.get(URI.create(base + "/redirect/2"), Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.finalUri().getPath()).isEqualTo("/ok");
        assertThatThrownBy(() -> client.get(URI.create(base + "/redirect/3"), Map.of()))
                .isInstanceOf(BlockedDestinationException.class).hasMessageContaining("redirects more than 3");
    }

    @Test
    void aRedirectIntoARefusedAddressIsRefused() {
        assertThatThrownBy(() -> client(List.of("127.0.0.0/8")).get(URI.create(base + "/to-private"), Map.of()))
                .isInstanceOf(BlockedDestinationException.class).hasMessageContaining("10.255.255.1");
    }

    @Test
    void aPostIsNeverRedirected() {
        HttpReply reply = client(List.of("127.0.0.0/8")).post(URI.create(base + "/redirect/0"), Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(302);
        assertThat(hits).hasValue(1);
    }

    @Test
    void anOversizedBodyIsRefusedNamingTheLimit() {
        ApacheSafeHttpClient client = client(List.of("127.0.0.0/8"));
        assertThatThrownBy(() -> client.get(URI.create(base + "/big"), Map.of()))
                .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("1000 bytes");
        assertThatThrownBy(() -> client.get(URI.create(base + "/big-chunked"), Map.of()))
                .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("1000 bytes");
    }

    @Test
    void aHungServerTimesOut() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> client(List.of("127.0.0.0/8")).get(URI.create(base + "/hang"), Map.of()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void nonHttpSchemesAreRefused() {
        assertThatThrownBy(() -> client(List.of()).get(URI.create("file:///etc/passwd"), Map.of()))
                .isInstanceOf(BlockedDestinationException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
