package dev.weft.application.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.RecordCopyDeliveriesCommand;
import dev.weft.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Workers' Create outcomes stored together, one report per post, each worker released once its own is stored. */
class CopyAttemptBatchesTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final List<RecordCopyDeliveriesCommand> stored = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> storedDeliveries = ConcurrentHashMap.newKeySet();

    private static DeliveryAttempt attempt(String postId, int server) {
        String host = "s" + server + ".example";
        return new DeliveryAttempt("d-" + postId + "-" + server, "account-1", DeliveryPurpose.POST_CREATE,
                "https://weft.example/posts/" + postId + "/activity", "https://" + host + "/inbox", host,
                CopyIds.of(postId, Destination.server(host)), AttemptOutcome.DELIVERED, 202, null, null, AT, 1,
                postId);
    }

    private void store(RecordCopyDeliveriesCommand command) {
        stored.add(command);
        command.attempts().forEach(a -> storedDeliveries.add(a.copyId()));
    }

    @Test
    void everyAttemptOfManyWorkersIsStoredOnceAndBeforeItsWorkerGoesOn() throws Exception {
        CopyAttemptBatches batches = new CopyAttemptBatches(this::store, 50);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            DeliveryAttempt attempt = attempt(i % 2 == 0 ? "post-a" : "post-b", i);
            done.add(workers.submit(() -> {
                start.await();
                batches.record(attempt);
                return storedDeliveries.contains(attempt.copyId());
            }));
        }
        start.countDown();
        for (Future<Boolean> f : done) {
            assertThat(f.get(30, TimeUnit.SECONDS)).as("stored before record returned").isTrue();
        }
        workers.shutdown();

        List<String> copies = stored.stream().flatMap(c -> c.attempts().stream()).map(CopyDeliveryAttempt::copyId)
                .toList();
        assertThat(copies).hasSize(400).doesNotHaveDuplicates();
        assertThat(stored).allSatisfy(c -> {
            assertThat(c.attempts()).hasSizeLessThanOrEqualTo(50)
                    .allSatisfy(a -> assertThat(a.copyId()).isEqualTo(CopyIds.of(c.postId(), a.destination())));
        });
    }

    /** The first worker's report is held until five more attempts queue behind it. */
    @Test
    void attemptsArrivingWhileABatchIsStoredGoTogetherInTheNext() throws Exception {
        CopyAttemptBatches[] holder = new CopyAttemptBatches[1];
        CopyAttemptBatches batches = new CopyAttemptBatches(command -> {
            while (stored.isEmpty() && holder[0].waiting() < 5) {
                Thread.onSpinWait();
            }
            store(command);
        }, 50);
        holder[0] = batches;
        ExecutorService workers = Executors.newFixedThreadPool(6);
        Future<?> first = workers.submit(() -> record(batches, attempt("post-a", 0)));
        while (batches.waiting() > 0 || stored.isEmpty() && !batches.storing()) {
            Thread.onSpinWait();
        }
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            DeliveryAttempt attempt = attempt("post-a", i);
            others.add(workers.submit(() -> record(batches, attempt)));
        }
        first.get(30, TimeUnit.SECONDS);
        for (Future<?> f : others) {
            f.get(30, TimeUnit.SECONDS);
        }
        workers.shutdown();
        assertThat(stored).extracting(c -> c.attempts().size()).containsExactly(1, 5);
    }

    private static void record(CopyAttemptBatches batches, DeliveryAttempt attempt) {
        try {
            batches.record(attempt);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReportCarriesTheAttemptAsTheCopyWouldRecordIt() throws Exception {
        new CopyAttemptBatches(this::store, 10).record(attempt("post-a", 7));
        Destination server = Destination.server("s7.example");
        assertThat(stored).containsExactly(new RecordCopyDeliveriesCommand(
                DeliveryReport.idOf("post-a", List.of("d-post-a-7/1")), "post-a", "account-1",
                List.of(new CopyDeliveryAttempt(CopyIds.of("post-a", server), server, 1, DeliveryOutcome.DELIVERED,
                        202, null, null, AT, "https://s7.example/inbox"))));
    }

    @Test
    void aRefusedReportFailsOnlyTheWorkersOfItsPost() throws Exception {
        CopyAttemptBatches batches = new CopyAttemptBatches(command -> {
            if (command.postId().equals("post-a")) {
                throw new InvalidValueException("copyId", "refused");
            }
            store(command);
        }, 10);
        batches.record(attempt("post-b", 1));
        assertThatThrownBy(() -> batches.record(attempt("post-a", 2))).isInstanceOf(InvalidValueException.class);
        batches.record(attempt("post-b", 3));
        assertThat(stored).extracting(RecordCopyDeliveriesCommand::postId).containsExactly("post-b", "post-b");
    }

    @Test
    void aBatchBoundBeyondOneReportIsRefused() {
        assertThatThrownBy(() -> new CopyAttemptBatches(this::store, DeliveryReport.MAX_ATTEMPTS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
