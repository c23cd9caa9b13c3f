package dev.weft.application.federation.delivery;

import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.RecordCopyDeliveriesCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Group commit of Create outcomes. A worker hands in its attempt and waits until it is
 * stored; while one worker stores a batch, the attempts of the others gather, and the next
 * of them stores all of those at once, one report per post. So a fan-out appends one event
 * per batch rather than per server, and a worker settles its outbox row only after the
 * attempt is on record: a crash in between loses no record, it only repeats a delivery.
 */
public class CopyAttemptBatches {
    private final Consumer<RecordCopyDeliveriesCommand> store;
    private final int maxBatch;
    private final List<Pending> queue = new ArrayList<>();
    private boolean storing;

    public CopyAttemptBatches(Consumer<RecordCopyDeliveriesCommand> store, int maxBatch) {
        if (maxBatch < 1 || maxBatch > DeliveryReport.MAX_ATTEMPTS) {
            throw new IllegalArgumentException("a batch holds 1 to " + DeliveryReport.MAX_ATTEMPTS + " attempts");
        }
        this.store = store;
        this.maxBatch = maxBatch;
    }

    /** Returns once the attempt is stored; throws what storing its batch threw. */
    public void record(DeliveryAttempt attempt) throws InterruptedException {
        Pending mine = new Pending(attempt);
        synchronized (this) {
            queue.add(mine);
        }
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                while (storing && !mine.done) {
                    wait();
                }
                if (mine.done) {
                    mine.rethrow();
                    return;
                }
                storing = true;
                batch = take();
            }
            try {
                storeAll(batch);
            } finally {
                released(batch);
            }
        }
    }

    synchronized int waiting() {
        return queue.size();
    }

    synchronized boolean storing() {
        return storing;
    }

    /** Whatever storing threw, no worker of the batch is left waiting. */
    private synchronized void released(List<Pending> batch) {
        for (Pending p : batch) {
            if (!p.done) {
                p.finish(new IllegalStateException("the batch of delivery " + p.attempt.deliveryId()
                        + " was not stored"));
            }
        }
        storing = false;
        notifyAll();
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(queue.subList(0, Math.min(maxBatch, queue.size())));
        queue.subList(0, batch.size()).clear();
        return batch;
    }

    /** Each post's report succeeds or fails alone; its workers learn which. */
    private void storeAll(List<Pending> batch) {
        for (List<Pending> post : byPost(batch)) {
            RuntimeException failure = null;
            try {
                store.accept(report(post.stream().map(p -> p.attempt).toList()));
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (this) {
                for (Pending p : post) {
                    p.finish(failure);
                }
            }
        }
    }

    private static List<List<Pending>> byPost(List<Pending> batch) {
        Map<String, List<Pending>> posts = new LinkedHashMap<>();
        batch.forEach(p -> posts.computeIfAbsent(p.attempt.postId(), k -> new ArrayList<>()).add(p));
        return List.copyOf(posts.values());
    }

    static RecordCopyDeliveriesCommand report(List<DeliveryAttempt> attempts) {
        DeliveryAttempt first = attempts.get(0);
        List<String> keys = attempts.stream().map(a -> a.deliveryId() + "/" + a.number()).toList();
        return new RecordCopyDeliveriesCommand(DeliveryReport.idOf(first.postId(), keys), first.postId(),
                first.accountId(), attempts.stream().map(DeliveryReports::copyAttempt).toList());
    }

    static final class Pending {
        private final DeliveryAttempt attempt;
        private boolean done;
        private RuntimeException failure;

        Pending(DeliveryAttempt attempt) {
            this.attempt = attempt;
        }

        void finish(RuntimeException failure) {
            this.done = true;
            this.failure = failure;
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
