package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The WireMock server under one fake. A single catch-all stub hands every request to the
 * platform's stateful behaviour, registered as a response definition transformer; the
 * refusals and delays a test planned come first. The catch-all has the lowest priority, so a
 * test's own stubs on {@link #wireMock()} answer before the platform does.
 */
final class FakeServer {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int CATCH_ALL_PRIORITY = 100;

    private final NextRequests<Supplier<ResponseDefinition>> refusals = new NextRequests<>();
    private final NextRequests<Duration> delays = new NextRequests<>();
    private final WireMockServer server;

    /** port 0 takes any free port, as tests do; the README's tour names a fixed one. */
    FakeServer(String platformName, Function<Request, ResponseDefinition> platform, int port) {
        server = new WireMockServer((port == 0 ? options().dynamicPort() : options().port(port)).bindAddress(LOOPBACK)
                // Delayed answers wait on a scheduler rather than on a request thread, so a test
                // that delays many requests never starves the server of threads.
                .asynchronousResponseEnabled(true)
                .extensions(new Platform(platformName, platform)));
        server.stubFor(any(anyUrl()).atPriority(CATCH_ALL_PRIORITY)
                .willReturn(aResponse().withTransformers(platformName)));
    }

    /** The next matching requests are refused with what the supplier renders, and not performed. */
    void refuseNext(int times, RequestPatternBuilder requests, Supplier<ResponseDefinition> refusal) {
        refusals.plan(times, requests, refusal);
    }

    /** The next matching requests are performed at once but answered only after the delay. */
    void delayNext(int times, RequestPatternBuilder requests, Duration delay) {
        delays.plan(times, requests, delay);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    String origin() {
        return "http://" + LOOPBACK + ":" + server.port();
    }

    WireMockServer wireMock() {
        return server;
    }

    private final class Platform implements ResponseDefinitionTransformerV2 {
        private final String name;
        private final Function<Request, ResponseDefinition> behaviour;

        Platform(String name, Function<Request, ResponseDefinition> behaviour) {
            this.name = name;
            this.behaviour = behaviour;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            return refusals.claim(request).map(Supplier::get)
                    .orElseGet(() -> delayedIfPlanned(request, behaviour.apply(request)));
        }

        private ResponseDefinition delayedIfPlanned(Request request, ResponseDefinition answer) {
            return delays.claim(request)
                    .map(delay -> ResponseDefinitionBuilder.like(answer).withFixedDelay((int) delay.toMillis()).build())
                    .orElse(answer);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
