package dev.weft.infrastructure.federation.delivery;

import dev.weft.application.shared.RetrySchedule;
import dev.weft.application.federation.delivery.AttemptOutcome;
import dev.weft.application.federation.delivery.DeliveryReports;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.shared.ClaimingWorkers;
import dev.weft.infrastructure.shared.GroupCommitter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drains the outbox on this node: a poller claims due deliveries in batches, letting as many
 * again as there are workers wait for one (a waiting delivery is still sent well within its
 * lease); each worker sends one, outside any transaction, and hands it to one committer,
 * which records and settles what the workers sent in batches. Claims are leases, so several
 * nodes drain one table side by side, and a node that dies between a send and its settle
 * leaves rows that come due again when their lease ends.
 */
public class DeliveryWorker implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration HALF_OPEN_RECHECK = Duration.ofSeconds(10);
    /** Connect and read timeouts, twice over when a server refuses RFC 9421 and gets draft-cavage. */
    private static final Duration LONGEST_SEND = Duration.ofMinutes(1);
    /** Half of what one DeliveryReport holds; the rows of a batch settle in one UPDATE. */
    private static final int SETTLE_BATCH = 500;

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final HostGuards guards;
    private final ServerHealth health;
    private final DeliveryReports reports;
    private final Clock clock;
    private final DeliverySettings settings;
    private final RetrySchedule schedule;
    private final String node;
    private final ClaimingWorkers<Lease> workers;
    private final GroupCommitter<Sent> settlements;

    private Instant nextSweep = Instant.EPOCH;

    public DeliveryWorker(DeliveryStore store, DeliverySender sender, HostGuards guards, ServerHealth health,
                          DeliveryReports reports, DeliveryWakeUp wakeUp, Clock clock, DeliverySettings settings,
                          String node, Duration drainTimeout) {
        this.store = store;
        this.sender = sender;
        this.guards = guards;
        this.health = health;
        this.reports = reports;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.schedule = new RetrySchedule(settings.initialBackoff(), settings.maxRetryDuration(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.workers = new ClaimingWorkers<>("weft-delivery",
                new ClaimingWorkers.Pace(settings.workers(), settings.engine().pollInterval(), drainTimeout,
                        settings.workers()),
                wakeUp, clock, new Outbox());
        this.settlements = new GroupCommitter<>("weft-delivery-settle", SETTLE_BATCH,
                settings.engine().settleWindow(), SETTLE_BATCH * 4,
                this::settleAll);
    }

    public String node() {
        return node;
    }

    @Override
    public synchronized void start() {
        if (workers.isRunning() || !settings.engine().enabled()) {
            return;
        }
        settlements.start();
        workers.start();
        LOG.info("Delivery engine started on node {} with {} workers", node, settings.workers());
    }

    @Override
    public synchronized void stop() {
        if (!workers.isRunning()) {
            return;
        }
        workers.stop();
        settlements.stop();
        LOG.info("Delivery engine stopped on node {}", node);
    }

    @Override
    public boolean isRunning() {
        return workers.isRunning();
    }

    /**
     * Now and then: ends the deliveries of servers unavailable for too long, and withdraws
     * the Creates and Updates of copies since recalled by a Delete (the claim skips them).
     */
    private void sweep() {
        Instant now = clock.now();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(settings.engine().unavailableSweepInterval());
        store.withdrawRecalled(now);
        List<Settlement> expired = store.expireUnavailable(now, settings.maxRetryDuration()).stream()
                .map(d -> Settlement.ended(d, AttemptOutcome.FAILED, null, "server unavailable", now)).toList();
        if (!expired.isEmpty()) {
            report(expired);
        }
    }

    /** A claimed delivery and when it was claimed, which bounds how late in its lease its send may start. */
    private record Lease(ClaimedDelivery delivery, Instant claimedAt) {
    }

    /** The outbox as the workers see it; the sweep rides on the poller. */
    private final class Outbox implements ClaimingWorkers.Operations<Lease> {
        @Override
        public List<Lease> claim(int limit, Instant now) {
            List<ClaimedDelivery> claimed = store.claim(node, limit, now, settings.engine().lease(),
                    guards.openHosts(now));
            Instant claimedAt = clock.now();
            return claimed.stream().map(d -> new Lease(d, claimedAt)).toList();
        }

        @Override
        public void process(Lease lease) {
            ClaimedDelivery d = lease.delivery();
            try {
                deliver(d, lease.claimedAt());
            } catch (RuntimeException e) {
                LOG.warn("Delivery {} to {} was left to its lease: {}", d.deliveryId(), d.inbox(), e.toString());
            }
        }

        @Override
        public void putBack(Lease lease, Instant at) {
            DeliveryWorker.this.putBack(lease.delivery(), at);
        }

        @Override
        public void pollFailed(RuntimeException e) {
            LOG.warn("Delivery poll failed, trying again shortly: {}", e.toString());
        }

        @Override
        public void afterClaim() {
            sweep();
        }
    }

    void deliver(ClaimedDelivery d) {
        deliver(d, clock.now());
    }

    /**
     * A send that starts too late in its lease is put back: another node may take the row
     * over when the lease ends, or a deletion may withdraw it as not in flight, while this one
     * is still sending.
     */
    private void deliver(ClaimedDelivery d, Instant claimedAt) {
        Semaphore permits = guards.permits(d.host());
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            putBack(d, clock.now());
            return;
        }
        if (clock.now().isAfter(claimedAt.plus(settings.engine().lease()).minus(LONGEST_SEND))) {
            permits.release();
            putBack(d, clock.now());
            return;
        }
        Verdict verdict;
        try {
            CircuitBreaker breaker = guards.breaker(d.host());
            if (!breaker.tryAcquirePermission()) {
                putBack(d, circuitRecheck(d.host()));
                return;
            }
            long started = System.nanoTime();
            verdict = sender.send(d, clock::now);
            account(breaker, verdict, System.nanoTime() - started);
        } finally {
            permits.release();
        }
        settle(d, verdict, clock.now());
    }

    private Instant circuitRecheck(String host) {
        Instant now = clock.now();
        Instant at = guards.mayTryAt(host, now);
        return at.isAfter(now) ? at : now.plus(HALF_OPEN_RECHECK);
    }

    private void putBack(ClaimedDelivery d, Instant next) {
        store.putBack(d.deliveryId(), node, next);
    }

    private static void account(CircuitBreaker breaker, Verdict verdict, long nanos) {
        if (verdict.breakerFailure()) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(verdict.error()));
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The worker goes on to its next delivery; the committer settles this one with others. */
    private void settle(ClaimedDelivery d, Verdict verdict, Instant at) {
        trackServer(d.host(), verdict, at);
        try {
            settlements.hand(new Sent(d, verdict, at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Delivery {} was sent but is left to its lease: interrupted before it was settled",
                    d.deliveryId());
        }
    }

    /** One delivery sent and what its answer means, waiting for the committer. */
    record Sent(ClaimedDelivery delivery, Verdict verdict, Instant at) {
    }

    /**
     * The attempts are on record before their rows say so: a node that dies in between
     * leaves the rows to their lease, and the deliveries are made and recorded again rather
     * than lost. A Create or Update recalled while it was being sent is not retried, and its
     * text leaves the outbox.
     */
    private void settleAll(List<Sent> batch) {
        Set<String> recalled = store.recalledAmong(batch.stream().map(Sent::delivery).toList());
        List<Settlement> settlements = batch.stream()
                .map(s -> settlementOf(s, s.delivery().copyId() != null && recalled.contains(s.delivery().copyId())))
                .toList();
        report(settlements);
        store.settleAll(settlements, node);
        for (String copyId : recalled) {
            store.eraseRecalledContent(copyId, clock.now());
        }
    }

    private Settlement settlementOf(Sent sent, boolean recalled) {
        ClaimedDelivery d = sent.delivery();
        Verdict verdict = sent.verdict();
        Instant at = sent.at();
        return switch (verdict.kind()) {
            case DELIVERED -> Settlement.ended(d, AttemptOutcome.DELIVERED, verdict.httpStatus(), null, at);
            case PERMANENT -> Settlement.ended(d, AttemptOutcome.FAILED, verdict.httpStatus(), verdict.error(), at);
            case RETRY -> retryOrGiveUp(d, verdict, at, recalled);
        };
    }

    private Settlement retryOrGiveUp(ClaimedDelivery d, Verdict verdict, Instant at, boolean recalled) {
        if (recalled) {
            return Settlement.withdrawn(d, verdict.httpStatus(),
                    verdict.error() + "; not retried: its post was deleted", at);
        }
        Instant first = d.firstAttemptAt() != null ? d.firstAttemptAt() : at;
        Optional<Instant> next = schedule.next(d.attempts() + 1, first, at, verdict.retryAfter());
        if (next.isPresent()) {
            return Settlement.retry(d, verdict.httpStatus(), verdict.error(), at, next.get());
        }
        return Settlement.ended(d, AttemptOutcome.FAILED, verdict.httpStatus(),
                verdict.error() + "; retries ended after " + settings.maxRetryDuration(), at);
    }

    /** Only signs of a server in trouble count towards unavailability; any answer that is not one clears it. */
    private void trackServer(String host, Verdict verdict, Instant at) {
        if (verdict.breakerFailure()) {
            health.failed(host, verdict.error(), at);
        } else if (verdict.httpStatus() != null && verdict.httpStatus() != 401) {
            health.succeeded(host, at);
        }
    }

    private void report(List<Settlement> settled) {
        try {
            reports.recordAll(settled.stream().map(Settlement::attempt).toList());
        } catch (RuntimeException e) {
            LOG.warn("Outcomes of {} deliveries not recorded as events: {}", settled.size(), e.toString());
        }
    }
}
