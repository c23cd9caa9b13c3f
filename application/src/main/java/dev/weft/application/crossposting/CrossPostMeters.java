package dev.weft.application.crossposting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * How cross-posting goes per platform: how each attempt ended, and how long a copy took from
 * the post's publication to its last part being up on the platform. The latency is a
 * histogram with fixed buckets, from a copy that went at once to one that waited out a
 * platform's rate limit, so percentiles can be read across nodes at a dozen series a platform.
 */
@Component
public class CrossPostMeters {
    public static final String OUTCOMES = "weft.crossposts";
    public static final String LATENCY = "weft.crosspost.latency";
    private static final Duration[] BUCKETS = Stream.of("PT0.5S", "PT1S", "PT2S", "PT5S", "PT10S", "PT30S", "PT1M",
            "PT5M", "PT15M", "PT1H", "PT6H").map(Duration::parse).toArray(Duration[]::new);
    private final MeterRegistry registry;

    public CrossPostMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void ended(ClaimedCrossPost copy, String outcome) {
        registry.counter(OUTCOMES, "platform", platform(copy), "outcome", outcome).increment();
    }

    void published(ClaimedCrossPost copy, Instant at) {
        ended(copy, "published");
        Duration latency = Duration.between(copy.publishedAt(), at);
        Timer.builder(LATENCY).description("from a post's publication to its copy being up on the platform")
                .tag("platform", platform(copy)).serviceLevelObjectives(BUCKETS).register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private static String platform(ClaimedCrossPost copy) {
        return copy.link().platform().wireName();
    }
}
