package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every platform fake offers a test whatever the platform: its lifecycle, its URL, the
 * failures and delays a test plans, and the WireMock server underneath. The type parameter
 * is the fake itself, so that {@code new FakeMastodon().start()} is still a FakeMastodon.
 */
abstract class FakePlatform<T extends FakePlatform<T>> implements AutoCloseable {
    private final PlatformApi api;
    private final FakeServer server;

    FakePlatform(String name, PlatformApi api) {
        this(name, api, 0);
    }

    FakePlatform(String name, PlatformApi api, int port) {
        this.api = api;
        this.server = new FakeServer(name, api::answer, port);
    }

    public T start() {
        server.start();
        return self();
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The URL a link, or the connector's settings, names as the platform's. */
    public String baseUrl() {
        return server.origin();
    }

    /** The next matching requests are refused with the failure and do nothing. */
    public void failNext(int times, RequestPatternBuilder requests, Failure failure) {
        refuseNext(times, requests, () -> api.refusal(failure));
    }

    /** The next matching requests take effect at once but are answered only after the delay. */
    public void delayNext(int times, RequestPatternBuilder requests, Duration delay) {
        server.delayNext(times, requests, delay);
    }

    public void verify(int count, RequestPatternBuilder requests) {
        server.wireMock().verify(count, requests);
    }

    /** The server itself, for a test's own stubs (they answer before the platform) and its journal. */
    public WireMockServer server() {
        return server.wireMock();
    }

    /** For refusals a platform words beyond the common {@link Failure}s. */
    void refuseNext(int times, RequestPatternBuilder requests, Supplier<ResponseDefinition> refusal) {
        server.refuseNext(times, requests, refusal);
    }

    String origin() {
        return server.origin();
    }

    // Safe: the only subclasses are declared as FakeX extends FakePlatform<FakeX>.
    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
