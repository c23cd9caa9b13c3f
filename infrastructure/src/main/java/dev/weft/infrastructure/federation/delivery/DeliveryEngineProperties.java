package dev.weft.infrastructure.federation.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The delivery engine's own knobs, beside weft.federation.delivery: how often an idle node
 * looks for due deliveries, how long a claim holds, and when a host's circuit opens
 * (breakerFailures consecutive failed attempts) and for how long (breakerOpenFor), and how
 * long the committer gathers sent deliveries before it records and settles them (settleWindow).
 */
@ConfigurationProperties("weft.federation.delivery-engine")
public record DeliveryEngineProperties(Duration pollInterval, Duration lease, Integer breakerFailures,
                                       Duration breakerOpenFor, Duration unavailableSweepInterval,
                                       Boolean enabled, Duration settleWindow) {
    public DeliveryEngineProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        breakerFailures = breakerFailures == null ? 5 : breakerFailures;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofMinutes(1) : breakerOpenFor;
        unavailableSweepInterval = unavailableSweepInterval == null ? Duration.ofMinutes(1)
                : unavailableSweepInterval;
        enabled = enabled == null || enabled;
        settleWindow = settleWindow == null ? Duration.ofMillis(250) : settleWindow;
    }
}
