package dev.weft.api.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.api.support.federation.InboxSink;
import dev.weft.api.support.federation.InboxSink.Reply;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.delivery.DeliveryReports;
import dev.weft.application.federation.delivery.OutboundDelivery;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.federation.delivery.ClaimedDelivery;
import dev.weft.infrastructure.federation.delivery.DeliverySender;
import dev.weft.infrastructure.federation.delivery.DeliverySettings;
import dev.weft.infrastructure.federation.delivery.DeliveryStore;
import dev.weft.infrastructure.federation.delivery.DeliveryWakeUp;
import dev.weft.application.federation.delivery.AttemptOutcome;
import dev.weft.infrastructure.federation.delivery.DeliveryWorker;
import dev.weft.infrastructure.federation.delivery.Settlement;
import dev.weft.infrastructure.federation.delivery.HostGuards;
import dev.weft.infrastructure.federation.delivery.ServerHealth;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox drained into a scripted inbox on 127.0.0.1: outcomes, retries, circuits, claims. */
class DeliveryEngineIntegrationTest extends WeftIntegrationTest {
    @Autowired
    DeliveryOutbox outbox;
    @Autowired
    DeliveryStore store;
    @Autowired
    DeliverySender sender;
    @Autowired
    ServerHealth health;
    @Autowired
    DeliveryReports reports;
    @Autowired
    DeliveryWakeUp wakeUp;
    @Autowired
    Clock clock;
    @Autowired
    DeliverySettings settings;

    private final List<InboxSink> sinks = new ArrayList<>();
    private Registered alice;

    @BeforeEach
    void account() {
        alice = TestAccounts.register(api, "sender");
    }

    @AfterEach
    void closeSinks() {
        for (InboxSink sink : sinks) {
            jdbc.update("UPDATE federation.delivery SET state = 'failed' WHERE host = ? AND state = 'pending'",
                    sink.host());
            sink.close();
        }
    }

    private InboxSink sink(Reply otherwise) {
        InboxSink sink = new InboxSink(otherwise);
        sinks.add(sink);
        return sink;
    }

    private String enqueue(InboxSink sink, DeliveryPurpose purpose) {
        String activityId = BASE_URL + "/follows/" + UUID.randomUUID() + "/accept";
        String deliveryId = UUID.randomUUID().toString();
        outbox.enqueue(List.of(delivery(deliveryId, activityId, sink, purpose, null)));
        return deliveryId;
    }

    private OutboundDelivery delivery(String deliveryId, String activityId, InboxSink sink, DeliveryPurpose purpose,
                                      Instant notBefore) {
        String json = "{\"id\":\"" + activityId + "\",\"type\":\"Accept\"}";
        return new OutboundDelivery(deliveryId, alice.id(), purpose, activityId, json, sink.inbox(), sink.host(), null,
                notBefore);
    }

    private Map<String, Object> row(String deliveryId) {
        return jdbc.queryForMap("SELECT * FROM federation.delivery WHERE delivery_id = ?", deliveryId);
    }

    private String state(String deliveryId) {
        return (String) row(deliveryId).get("state");
    }

    private String auditTrail() {
        return api.get(alice.path() + "/audit", alice.token()).body();
    }

    @Test
    void aTwoHundredIsDeliveredSignedAsTheAccountAndAudited() {
        InboxSink sink = sink(Reply.of(202));
        String id = enqueue(sink, DeliveryPurpose.FOLLOW_ACCEPT);

        await("delivered", () -> "delivered".equals(state(id)));
        assertThat(sink.count()).isEqualTo(1);
        InboxSink.Received received = sink.received().get(0);
        assertThat(received.contentType()).isEqualTo("application/activity+json");
        assertThat(received.signature()).contains("keyId=\"" + BASE_URL + "/users/" + alice.handle() + "#main-key\"")
                .contains("algorithm=\"rsa-sha256\"").contains("headers=\"(request-target) host date digest\"");
        assertThat(row(id).get("attempts")).isEqualTo(1);
        await("the attempt in the audit trail", () -> auditTrail().contains("activity_delivered"));
        assertThat(auditTrail()).contains(sink.host()).contains(sink.inbox());
    }

    @Test
    void aServerErrorIsRetriedThenDelivered() {
        InboxSink sink = sink(Reply.of(202)).then(Reply.of(500));
        String id = enqueue(sink, DeliveryPurpose.FOLLOW);

        await("delivered on the second attempt", () -> "delivered".equals(state(id)));
        assertThat(sink.count()).isEqualTo(2);
        assertThat(row(id).get("attempts")).isEqualTo(2);
        await("both attempts audited", () -> auditTrail().contains("activity_attempt_failed")
                && auditTrail().contains("activity_delivered"));
    }

    private OutboundDelivery postDelivery(String deliveryId, DeliveryPurpose purpose, String post, String copyId,
                                          InboxSink sink, Instant notBefore) {
        String kind = purpose == DeliveryPurpose.POST_DELETE ? "Delete" : "Create";
        String activity = post + (purpose == DeliveryPurpose.POST_DELETE ? "/delete" : "/activity");
        return new OutboundDelivery(deliveryId, alice.id(), purpose, activity, "{\"type\":\"" + kind + "\"}",
                sink.inbox(), sink.host(), copyId, notBefore);
    }

    @Test
    void aCreateThatFailsWhileItsDeleteIsEnqueuedIsNotRetriedAndTheDeleteGoesAfterIt() {
        InboxSink sink = sink(Reply.of(202)).then(new Reply(500, Map.of(), 1500));
        String post = BASE_URL + "/posts/" + UUID.randomUUID();
        String copyId = "copy-" + UUID.randomUUID();
        String create = UUID.randomUUID().toString();
        String delete = UUID.randomUUID().toString();
        outbox.enqueue(List.of(postDelivery(create, DeliveryPurpose.POST_CREATE, post, copyId, sink, null)));
        await("the Create is being sent", () -> sink.count() == 1);

        outbox.enqueue(List.of(postDelivery(delete, DeliveryPurpose.POST_DELETE, post, copyId, sink, null)));

        await("the Delete delivered", () -> "delivered".equals(state(delete)));
        assertThat(sink.received()).extracting(InboxSink.Received::body)
                .containsExactly("{\"type\":\"Create\"}", "{\"type\":\"Delete\"}");
        assertThat(state(create)).isEqualTo("withdrawn");
        assertThat(row(create).get("attempts")).isEqualTo(1);
        assertThat((String) row(create).get("last_error")).contains("not retried: its post was deleted");
    }

    /** A post's copy on a fresh sink; deliveries enqueued for it are due in an hour, so only the test claims them. */
    private record CopyOnSink(InboxSink sink, Instant later, String post, String copyId) {
    }

    private CopyOnSink copyOnSink() {
        return new CopyOnSink(sink(Reply.of(202)), clock.now().plus(Duration.ofHours(1)),
                BASE_URL + "/posts/" + UUID.randomUUID(), "copy-" + UUID.randomUUID());
    }

    private OutboundDelivery postDelivery(String deliveryId, DeliveryPurpose purpose, CopyOnSink copy) {
        return postDelivery(deliveryId, purpose, copy.post(), copy.copyId(), copy.sink(), copy.later());
    }

    @Test
    void aCopysDeleteWaitsWhileItsCreateIsBeingSent() {
        CopyOnSink copy = copyOnSink();
        outbox.enqueue(List.of(postDelivery(UUID.randomUUID().toString(), DeliveryPurpose.POST_CREATE, copy)));
        ClaimedDelivery create = claimedOn(copy, "node-a").get(0);
        String delete = UUID.randomUUID().toString();
        outbox.enqueue(List.of(postDelivery(delete, DeliveryPurpose.POST_DELETE, copy)));

        assertThat(claimedOn(copy, "node-b")).as("the Create is in flight").isEmpty();
        store.settleAll(List.of(Settlement.ended(create, AttemptOutcome.DELIVERED, 202, null, copy.later())), "node-a");
        assertThat(claimedOn(copy, "node-b")).extracting(ClaimedDelivery::deliveryId).containsExactly(delete);
    }

    @Test
    void aSettledBatchWritesEachRowsOutcomeOnlyOnRowsItsNodeHolds() {
        CopyOnSink delivered = copyOnSink();
        CopyOnSink retried = copyOnSink();
        String deliveredId = UUID.randomUUID().toString();
        String retriedId = UUID.randomUUID().toString();
        outbox.enqueue(List.of(postDelivery(deliveredId, DeliveryPurpose.POST_CREATE, delivered),
                postDelivery(retriedId, DeliveryPurpose.POST_CREATE, retried)));
        List<ClaimedDelivery> claimed = store.claim("node-a", 50, delivered.later().plusSeconds(1),
                Duration.ofMinutes(5), List.of());
        ClaimedDelivery first = claimed.stream().filter(d -> d.deliveryId().equals(deliveredId)).findFirst()
                .orElseThrow();
        ClaimedDelivery second = claimed.stream().filter(d -> d.deliveryId().equals(retriedId)).findFirst()
                .orElseThrow();
        Instant at = delivered.later().truncatedTo(ChronoUnit.MICROS);
        Instant next = at.plusSeconds(90);

        store.settleAll(List.of(Settlement.ended(first, AttemptOutcome.DELIVERED, 202, null, at)), "node-b");
        assertThat(row(deliveredId)).containsEntry("state", "pending").containsEntry("leased_by", "node-a")
                .containsEntry("attempts", 0);

        store.settleAll(List.of(Settlement.ended(first, AttemptOutcome.DELIVERED, 202, null, at),
                Settlement.retry(second, 503, "busy", at, next)), "node-a");
        Map<String, Object> settled = row(deliveredId);
        assertThat(settled).containsEntry("state", "delivered").containsEntry("attempts", 1)
                .containsEntry("last_http_status", 202).containsEntry("leased_by", null)
                .containsEntry("lease_until", null).containsEntry("last_attempt_by", "node-a");
        assertThat(instant(settled, "settled_at")).isEqualTo(at);
        assertThat(instant(settled, "next_attempt_at")).isEqualTo(at);
        Map<String, Object> pending = row(retriedId);
        assertThat(pending).containsEntry("state", "pending").containsEntry("attempts", 1)
                .containsEntry("last_http_status", 503).containsEntry("last_error", "busy")
                .containsEntry("settled_at", null).containsEntry("leased_by", null);
        assertThat(instant(pending, "next_attempt_at")).isEqualTo(next);
        assertThat(instant(pending, "first_attempt_at")).isEqualTo(at);
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((java.sql.Timestamp) row.get(column)).toInstant();
    }

    @Test
    void aCreateWhoseCopyHasADeleteIsNeverClaimedButWithdrawn() {
        CopyOnSink copy = copyOnSink();
        String create = UUID.randomUUID().toString();
        String delete = UUID.randomUUID().toString();
        outbox.enqueue(List.of(postDelivery(create, DeliveryPurpose.POST_CREATE, copy),
                postDelivery(delete, DeliveryPurpose.POST_DELETE, copy)));

        // This node's sweep may withdraw the Create at any moment, and so may the test.
        List<ClaimedDelivery> claimed = new ArrayList<>(claimedOn(copy, "node-a"));
        store.withdrawRecalled(copy.later());
        claimed.addAll(claimedOn(copy, "node-a"));

        assertThat(state(create)).isEqualTo("withdrawn");
        assertThat(row(create).get("attempts")).isEqualTo(0);
        assertThat(claimed).extracting(ClaimedDelivery::deliveryId).containsExactly(delete);
    }

    @Test
    void aRecalledCopysPostTextIsErasedFromTheOutboxKeepingItsAudienceAndDates() {
        CopyOnSink copy = copyOnSink();
        String post = copy.post();
        Instant later = copy.later();
        String create = UUID.randomUUID().toString();
        String note = "{\"id\":\"" + post + "/activity\",\"type\":\"Create\",\"actor\":\"" + BASE_URL + "/users/x\","
                + "\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],\"object\":{\"id\":\"" + post
                + "\",\"type\":\"Note\",\"published\":\"2026-12-01T00:00:00Z\",\"content\":\"<p>my secret</p>\","
                + "\"summary\":\"cw\",\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"]}}";
        outbox.enqueue(List.of(new OutboundDelivery(create, alice.id(), DeliveryPurpose.POST_CREATE, post + "/activity",
                note, copy.sink().inbox(), copy.sink().host(), copy.copyId(), later)));
        jdbc.update("UPDATE federation.delivery SET state = 'delivered', attempts = 1 WHERE delivery_id = ?", create);
        outbox.enqueue(List.of(postDelivery(UUID.randomUUID().toString(), DeliveryPurpose.POST_DELETE, copy)));
        assertThat(row(create).get("content_erased_at")).as("only when the recall asks for it").isNull();

        // As DeletionFederationPolicy asks when the copy is recalled.
        assertThat(outbox.eraseRecalledContent(copy.copyId())).isEqualTo(1);

        String erased = (String) row(create).get("activity_json");
        assertThat(erased).doesNotContain("my secret").doesNotContain("summary")
                .contains("\"published\":\"2026-12-01T00:00:00Z\"").contains("activitystreams#Public")
                .contains("the post was recalled from this server");
        assertThat(row(create).get("content_erased_at")).isNotNull();
        assertThat(outbox.eraseRecalledContent(copy.copyId())).as("once").isZero();
    }

    private List<ClaimedDelivery> claimedOn(CopyOnSink copy, String node) {
        return store.claim(node, 50, copy.later().plusSeconds(1), Duration.ofMinutes(5), List.of()).stream()
                .filter(d -> d.host().equals(copy.sink().host())).toList();
    }

    @Test
    void retryAfterIsHonouredWhenLaterThanTheBackoff() {
        InboxSink sink = sink(Reply.of(202)).then(new Reply(429, Map.of("Retry-After", "2"), 0));
        String id = enqueue(sink, DeliveryPurpose.FOLLOW);

        await("delivered after the pause", () -> "delivered".equals(state(id)));
        List<InboxSink.Received> received = sink.received();
        assertThat(received).hasSize(2);
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .as("the backoff alone is 200 ms").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void goneIsAPermanentFailure() throws InterruptedException {
        InboxSink sink = sink(Reply.of(410));
        String id = enqueue(sink, DeliveryPurpose.UNDO_FOLLOW);

        await("failed", () -> "failed".equals(state(id)));
        Thread.sleep(800);
        assertThat(sink.count()).as("no retry after a 410").isEqualTo(1);
        assertThat(row(id).get("last_http_status")).isEqualTo(410);
        await("the failure audited", () -> auditTrail().contains("activity_delivery_failed"));
    }

    @Test
    void aHungServerTimesOutAndIsRetried() {
        InboxSink sink = sink(new Reply(202, Map.of(), 5000));
        String id = enqueue(sink, DeliveryPurpose.FOLLOW);

        await("a timed-out attempt", () -> ((Integer) row(id).get("attempts")) >= 1);
        Map<String, Object> row = row(id);
        assertThat(row.get("state")).isEqualTo("pending");
        assertThat((String) row.get("last_error")).startsWith("timed out");
        assertThat(row.get("last_http_status")).isNull();
    }

    @Test
    void anOpenCircuitKeepsRequestsAwayFromTheServer() throws InterruptedException {
        InboxSink sink = sink(Reply.of(500));
        for (int i = 0; i < 10; i++) {
            enqueue(sink, DeliveryPurpose.FOLLOW);
        }
        await("the circuit opens", () -> api.get("/api/v1/admin/servers", OPERATOR_TOKEN).body()
                .contains("\"host\":\"" + sink.host() + "\"") && circuitOf(sink).equals("open"));
        int atOpening = settledCount(sink);
        Thread.sleep(1500);
        assertThat(sink.count()).as("requests while the circuit is open").isEqualTo(atOpening);
        assertThat(atOpening).as("5 failures open it; at most the in-flight ones follow")
                .isBetween(5, 5 + settings.perHostConcurrency());
        Integer attempts = jdbc.queryForObject("SELECT sum(attempts)::int FROM federation.delivery WHERE host = ?",
                Integer.class, sink.host());
        assertThat(attempts).as("a delivery put back by the circuit counts no attempt").isEqualTo(atOpening);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.delivery WHERE host = ? AND state = 'pending'",
                Integer.class, sink.host())).isEqualTo(10);
    }

    /** Requests sent just before the circuit opened may still be arriving when it reports open. */
    private static int settledCount(InboxSink sink) throws InterruptedException {
        int count = sink.count();
        while (true) {
            Thread.sleep(300);
            int next = sink.count();
            if (next == count) {
                return count;
            }
            count = next;
        }
    }

    private String circuitOf(InboxSink sink) {
        for (var server : api.get("/api/v1/admin/servers", OPERATOR_TOKEN).json()) {
            if (server.path("host").asString().equals(sink.host())) {
                return server.path("circuit").asString();
            }
        }
        return "";
    }

    @Test
    void twoClaimsAtOnceNeverTakeTheSameDelivery() throws Exception {
        InboxSink sink = sink(Reply.of(202));
        Instant later = clock.now().plus(Duration.ofHours(1));
        List<OutboundDelivery> batch = IntStream.range(0, 200)
                .mapToObj(i -> delivery(UUID.randomUUID().toString(), BASE_URL + "/claims/" + UUID.randomUUID(), sink,
                        DeliveryPurpose.FOLLOW, later))
                .toList();
        outbox.enqueue(batch);
        CyclicBarrier start = new CyclicBarrier(2);
        Function<String, CompletableFuture<Set<String>>> claimer = node -> CompletableFuture.supplyAsync(() -> {
            Set<String> mine = new HashSet<>();
            await(start);
            for (int round = 0; round < 20; round++) {
                store.claim(node, 15, later.plusSeconds(1), Duration.ofMinutes(5), List.of())
                        .stream().filter(d -> d.host().equals(sink.host())).map(ClaimedDelivery::deliveryId)
                        .forEach(mine::add);
            }
            return mine;
        });
        CompletableFuture<Set<String>> a = claimer.apply("node-a");
        CompletableFuture<Set<String>> b = claimer.apply("node-b");
        Set<String> byA = a.get();
        Set<String> byB = b.get();

        assertThat(byA).as("claimed by both").doesNotContainAnyElementsOf(byB);
        Set<String> all = new HashSet<>(byA);
        all.addAll(byB);
        assertThat(all).isEqualTo(batch.stream().map(OutboundDelivery::deliveryId).collect(Collectors.toSet()));
        assertThat(byA).isNotEmpty();
        assertThat(byB).isNotEmpty();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondWorkerBesideThisNodesSendsEachDeliveryOnce() {
        InboxSink sink = sink(Reply.of(202));
        DeliveryWorker other = new DeliveryWorker(store, sender, new HostGuards(settings), health, reports, wakeUp,
                clock, settings, "second-node", Duration.ofSeconds(5));
        other.start();
        try {
            List<OutboundDelivery> batch = IntStream.range(0, 150)
                    .mapToObj(i -> delivery(UUID.randomUUID().toString(), BASE_URL + "/twice/" + UUID.randomUUID(),
                            sink, DeliveryPurpose.FOLLOW, null))
                    .toList();
            outbox.enqueue(batch);
            await("all delivered", () -> jdbc.queryForObject("SELECT count(*) FROM federation.delivery "
                    + "WHERE host = ? AND state = 'delivered'", Integer.class, sink.host()) == 150);
        } finally {
            other.stop();
        }
        Map<String, Long> perActivity = sink.received().stream()
                .collect(Collectors.groupingBy(InboxSink.Received::body, Collectors.counting()));
        assertThat(perActivity).hasSize(150);
        assertThat(perActivity.values()).allMatch(count -> count == 1);
    }

    @Test
    void aLeaseLeftByACrashedNodeIsTakenOverAndSent() {
        InboxSink sink = sink(Reply.of(202));
        String id = UUID.randomUUID().toString();
        Instant expired = clock.now().minusSeconds(1);
        jdbc.update("INSERT INTO federation.delivery (delivery_id, account_id, purpose, activity_id, activity_json, "
                        + "inbox, host, state, attempts, next_attempt_at, lease_until, leased_by, created_at) "
                        + "VALUES (?, ?, 'FOLLOW', ?, '{\"type\":\"Follow\"}', ?, ?, 'pending', 0, ?, ?, "
                        + "'crashed-node', ?)", id, alice.id(), BASE_URL + "/follows/" + id, sink.inbox(), sink.host(),
                java.sql.Timestamp.from(expired), java.sql.Timestamp.from(expired),
                java.sql.Timestamp.from(expired.minusSeconds(120)));
        wakeUp.nudge();

        await("sent after the lease ran out", () -> "delivered".equals(state(id)));
        assertThat(sink.count()).isEqualTo(1);
    }

    @Test
    void suspendedDomainsAreNeverEnqueuedAndEnqueueingTwiceStoresOnce() {
        InboxSink sink = sink(Reply.of(202));
        String activityId = BASE_URL + "/follows/" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        OutboundDelivery once = delivery(id, activityId, sink, DeliveryPurpose.FOLLOW, null);
        outbox.enqueue(List.of(once, once));
        await("delivered", () -> "delivered".equals(state(id)));
        outbox.enqueue(List.of(once));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.delivery WHERE delivery_id = ?", Integer.class,
                id)).isEqualTo(1);
        assertThat(sink.count()).isEqualTo(1);

        String toSuspended = UUID.randomUUID().toString();
        outbox.enqueue(List.of(new OutboundDelivery(toSuspended, alice.id(), DeliveryPurpose.FOLLOW, activityId, "{}",
                "https://social.suspended.example/inbox", "social.suspended.example", null, null)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.delivery WHERE delivery_id = ?", Integer.class,
                toSuspended)).isZero();
    }
}
