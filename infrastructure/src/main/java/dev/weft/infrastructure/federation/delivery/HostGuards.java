package dev.weft.infrastructure.federation.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per remote host, on this node: a circuit breaker, so a dead server costs a handful of
 * attempts rather than one per queued delivery, and a semaphore, so one server never
 * holds more than perHostConcurrency of our connections.
 */
public class HostGuards {
    private final CircuitBreakerRegistry breakers;
    private final long openForMillis;
    private final int perHost;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    public HostGuards(DeliverySettings settings) {
        DeliveryEngineProperties engine = settings.engine();
        this.openForMillis = engine.breakerOpenFor().toMillis();
        this.perHost = settings.perHostConcurrency();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(engine.breakerFailures())
                .minimumNumberOfCalls(engine.breakerFailures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(engine.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build());
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    public CircuitBreaker breaker(String host) {
        return breakers.circuitBreaker(host);
    }

    public Semaphore permits(String host) {
        return permits.computeIfAbsent(host, h -> new Semaphore(perHost, true));
    }

    /** When the host's circuit may let a trial through; now when it is not open. */
    public Instant mayTryAt(String host, Instant now) {
        Instant opened = openedAt.get(host);
        if (opened == null || breaker(host).getState() == CircuitBreaker.State.CLOSED) {
            return now;
        }
        Instant at = opened.plusMillis(openForMillis);
        return at.isAfter(now) ? at : now;
    }

    /** Hosts whose circuit is open and will stay so for a while: the claim leaves their deliveries alone. */
    public List<String> openHosts(Instant now) {
        return openedAt.keySet().stream().filter(host -> breaker(host).getState() == CircuitBreaker.State.OPEN
                && mayTryAt(host, now).isAfter(now)).toList();
    }

    public String circuit(String host) {
        CircuitBreaker breaker = breakers.find(host).orElse(null);
        return breaker == null ? "closed" : breaker.getState().name().toLowerCase();
    }

    public void reset(String host) {
        breakers.find(host).ifPresent(CircuitBreaker::reset);
        openedAt.remove(host);
    }

    /** Resilience4j does not say when a breaker opened; the claim needs it to skip the host until then. */
    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(breaker.getName(), event.getCreationTime().toInstant());
            }
        });
    }
}
