package dev.weft.infrastructure.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {
    private final List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writerThreads = Collections.synchronizedList(new ArrayList<>());
    private GroupCommitter<Integer> committer;

    @AfterEach
    void stop() {
        if (committer != null) {
            committer.stop();
        }
    }

    @Test
    void whatArrivesWhileABatchIsWrittenIsTheNextBatch() throws InterruptedException {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        committer = started(10, 100, batch -> {
            if (batch.contains(0)) {
                firstBatchStarted.countDown();
                awaitQuietly(releaseFirst);
            }
        });
        committer.hand(0);
        assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 25; i++) {
            committer.hand(i);
        }
        releaseFirst.countDown();
        awaitWritten(26);

        assertThat(snapshot()).containsExactly(List.of(0), range(1, 11), range(11, 21), range(21, 26));
        assertThat(writerThreads).containsOnly("test-committer");
    }

    @Test
    void itemsHandedWithinTheWindowAfterTheFirstShareItsBatch() throws InterruptedException {
        committer = started(50, Duration.ofSeconds(5), 100, batch -> { });
        for (int i = 0; i < 5; i++) {
            committer.hand(i);
            Thread.sleep(20);
        }
        awaitWritten(5);

        assertThat(snapshot()).containsExactly(range(0, 5));
    }

    @Test
    void aFullBatchIsWrittenWithoutWaitingForItsWindowToClose() throws InterruptedException {
        committer = started(3, Duration.ofMinutes(5), 100, batch -> { });
        for (int i = 0; i < 6; i++) {
            committer.hand(i);
        }
        awaitWritten(6);

        assertThat(snapshot()).containsExactly(range(0, 3), range(3, 6));
    }

    @Test
    void aFailedBatchIsDroppedAndTheNextIsStillWritten() throws InterruptedException {
        committer = started(5, 20, batch -> {
            if (batch.contains(1)) {
                throw new IllegalStateException("database gone");
            }
        });
        committer.hand(1);
        awaitWritten(1);
        committer.hand(2);
        awaitWritten(2);

        assertThat(snapshot()).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void stoppingWritesWhatIsStillQueued() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        committer = holdingTheBatchOfZero(4, 40, release);
        committer.hand(0);
        for (int i = 1; i < 10; i++) {
            committer.hand(i);
        }
        Thread stopper = new Thread(committer::stop);
        stopper.start();
        release.countDown();
        stopper.join(10_000);

        assertThat(snapshot().stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(range(0, 10));
        assertThat(snapshot()).allMatch(batch -> batch.size() <= 4);
    }

    @Test
    void beforeItStartsAnItemIsWrittenByTheCallerAtOnce() throws InterruptedException {
        committer = new GroupCommitter<>("test-committer", 5, Duration.ZERO, 10, recording(batch -> { }));
        committer.hand(7);

        assertThat(snapshot()).containsExactly(List.of(7));
        assertThat(writerThreads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aFullQueueHoldsTheCallerUntilTheWriterCatchesUp() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        committer = holdingTheBatchOfZero(2, 2, release);
        committer.hand(0);
        awaitQueued(0);
        committer.hand(1);
        committer.hand(2);
        Thread third = new Thread(() -> {
            try {
                committer.hand(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        third.join(300);
        assertThat(third.isAlive()).as("the caller waits while the queue is full").isTrue();

        release.countDown();
        third.join(10_000);
        awaitWritten(4);
        assertThat(third.isAlive()).isFalse();
    }

    /** The writer waits for release before it finishes the batch that holds item 0. */
    private GroupCommitter<Integer> holdingTheBatchOfZero(int maxBatch, int capacity, CountDownLatch release) {
        return started(maxBatch, capacity, batch -> {
            if (batch.contains(0)) {
                awaitQuietly(release);
            }
        });
    }

    private GroupCommitter<Integer> started(int maxBatch, int capacity, Consumer<List<Integer>> writer) {
        return started(maxBatch, Duration.ZERO, capacity, writer);
    }

    private GroupCommitter<Integer> started(int maxBatch, Duration window, int capacity,
                                            Consumer<List<Integer>> writer) {
        GroupCommitter<Integer> started = new GroupCommitter<>("test-committer", maxBatch, window, capacity,
                recording(writer));
        started.start();
        return started;
    }

    private Consumer<List<Integer>> recording(Consumer<List<Integer>> writer) {
        return batch -> {
            written.add(List.copyOf(batch));
            writerThreads.add(Thread.currentThread().getName());
            writer.accept(batch);
        };
    }

    private List<List<Integer>> snapshot() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    private void awaitWritten(int items) throws InterruptedException {
        await(() -> snapshot().stream().mapToInt(List::size).sum(), items);
    }

    private void awaitQueued(int items) throws InterruptedException {
        await(committer::queued, items);
    }

    private static void await(IntSupplier actual, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(actual.getAsInt()).isEqualTo(expected);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
