package dev.weft.infrastructure.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that writes what many threads hand it, a batch at a time: a batch is what
 * arrives within the window after its first item, or while the last batch was being
 * written, up to the batch size. The window trades a little delay for fewer and larger
 * writes; with none, batches grow only with the load. The handing thread goes on at once;
 * a full queue makes it wait, which is what bounds the work handed but not yet written.
 */
public final class GroupCommitter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);

    private final String name;
    private final int maxBatch;
    private final Duration window;
    private final BlockingQueue<T> queue;
    private final Consumer<List<T>> writer;
    private volatile boolean running;
    private Thread thread;

    /** The writer's failures are logged and its batch is dropped: the caller's design must make that safe. */
    public GroupCommitter(String name, int maxBatch, Duration window, int capacity, Consumer<List<T>> writer) {
        if (maxBatch < 1 || capacity < maxBatch || window.isNegative()) {
            throw new IllegalArgumentException("a batch holds at least one item, the queue at least one batch, "
                    + "and the window is not negative");
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.window = window;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Writes what is still queued before it returns, so a clean stop leaves nothing behind. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        // not interrupted: a batch being written finishes, and an idle poll ends within IDLE_CHECK
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeQueued();
    }

    public void hand(T item) throws InterruptedException {
        if (!running) {
            writer.accept(List.of(item));
            return;
        }
        queue.put(item);
    }

    /** How many items are handed but not yet taken into a batch. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        while (running) {
            try {
                T first = queue.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(batchStartingWith(first));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<T> batchStartingWith(T first) throws InterruptedException {
        List<T> batch = new ArrayList<>();
        batch.add(first);
        long closesAt = System.nanoTime() + window.toNanos();
        queue.drainTo(batch, maxBatch - 1);
        while (batch.size() < maxBatch) {
            long left = closesAt - System.nanoTime();
            T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
        return batch;
    }

    private void writeQueued() {
        while (!queue.isEmpty()) {
            List<T> batch = new ArrayList<>();
            queue.drainTo(batch, maxBatch);
            write(batch);
        }
    }

    private void write(List<T> batch) {
        try {
            writer.accept(batch);
        } catch (RuntimeException e) {
            LOG.warn("{}: a batch of {} was not written: {}", name, batch.size(), e.toString());
        }
    }
}
