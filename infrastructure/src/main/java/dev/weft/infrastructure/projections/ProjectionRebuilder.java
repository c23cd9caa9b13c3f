package dev.weft.infrastructure.projections;

import dev.weft.application.projections.ProjectionAdmin;
import dev.weft.application.projections.ProjectionStatus;
import dev.weft.application.shared.NotFoundException;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection beside the live one and swaps it in. Reads are served from the
 * live schema throughout; the swap holds the live tables' locks only while it applies the
 * last few events and renames two schemas. The live processor keeps its own token, so the
 * policies that share its processing group never skip or repeat an event.
 */
@Component
public class ProjectionRebuilder implements ProjectionAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int BATCH_SIZE = 1_000;
    private static final int SWAP_ATTEMPTS = 5;
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    private final Map<String, JdbcProjection> projections = new LinkedHashMap<>();
    private final EventLog events;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final TokenTable tokens;
    private final RebuildLedger ledger;
    private final EventProcessingConfiguration processing;
    private final RebuildMeters meters;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilder(List<JdbcProjection> projections, EventLog events, JdbcTemplate jdbc,
                               DataSource dataSource, PlatformTransactionManager transactionManager,
                               TokenTable tokens, RebuildLedger ledger, EventProcessingConfiguration processing,
                               RebuildMeters meters) {
        projections.forEach(p -> this.projections.put(p.name(), p));
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokens = tokens;
        this.ledger = ledger;
        this.processing = processing;
        this.meters = meters;
    }

    @Override
    public List<ProjectionStatus> statuses() {
        long head = Math.max(tokens.head(), 0);
        return projections.keySet().stream().map(name -> status(name, head)).toList();
    }

    private ProjectionStatus status(String name, long head) {
        long position = Math.max(Math.max(tokens.read(name, false).position(), localPosition(name)), 0);
        var progress = ledger.progress(name);
        return new ProjectionStatus(name, position, head, Math.max(0, head - position),
                progress.isPresent() ? "rebuilding" : "live", progress.orElse(null), ledger.last(name).orElse(null),
                deadLetters(name));
    }

    private long deadLetters(String name) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, name);
        return count == null ? 0 : count;
    }

    @Override
    public int retryDeadLetters(String name) {
        if (!projections.containsKey(name)) {
            throw new NotFoundException("name", "no projection named '" + name + "'");
        }
        var processor = processing.sequencedDeadLetterProcessor(name).orElseThrow(() ->
                new IllegalStateException("projection " + name + " has no dead-letter queue"));
        int cleared = 0;
        while (processor.processAny()) {
            cleared++;
        }
        return cleared;
    }

    /**
     * A processor stores its token only when a batch had work for it, so the stored token
     * trails over events no handler wants; this node's processor knows how far it really read.
     */
    private long localPosition(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1))
                .orElse(-1L);
    }

    @Override
    public void rebuild(String name) {
        JdbcProjection live = projections.get(name);
        if (live == null) {
            throw new NotFoundException("name", "no projection named '" + name + "'; there are "
                    + String.join(", ", projections.keySet()));
        }
        start(List.of(live));
    }

    @Override
    public List<String> rebuildAll() {
        start(List.copyOf(projections.values()));
        return List.copyOf(projections.keySet());
    }

    private void start(List<JdbcProjection> lives) {
        RebuildLock lock = acquire(lives.stream().map(JdbcProjection::name).toList());
        long head = tokens.head();
        lives.forEach(live -> ledger.started(live.name(), NODE, head));
        executor.submit(() -> runRebuild(lives, lock));
    }

    private RebuildLock acquire(List<String> names) {
        try {
            return RebuildLock.acquire(dataSource, names);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild locks of " + names, e);
        }
    }

    /**
     * Rebuilds several projections from one pass over the store: each batch is read and
     * deserialized once and fed to every twin, so rebuilding all costs one read, not one each.
     */
    private void runRebuild(List<JdbcProjection> lives, RebuildLock lock) {
        List<Replay> replays = new ArrayList<>();
        Set<String> finished = new HashSet<>();
        try (lock) {
            for (JdbcProjection live : lives) {
                replays.add(twinOf(live));
            }
            replayAll(replays);
            // Each twin's indexes are built by a backend of its own; the swaps stay one at a time.
            inParallel(replays.stream().<Callable<Void>>map(replay -> () -> {
                transactions.executeWithoutResult(status -> replay.twin.complete());
                return null;
            }).toList());
            for (Replay replay : replays) {
                swap(replay);
                ledger.finished(replay.name, null);
                meters.succeeded(replay.name);
                finished.add(replay.name);
                LOG.info("Rebuilt projection {} from {} events", replay.name, replay.applied.get());
            }
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("Rebuild of {} failed; the live projections not yet swapped are untouched",
                    lives.stream().map(JdbcProjection::name).toList(), e);
            lives.stream().map(JdbcProjection::name).filter(name -> !finished.contains(name)).forEach(name -> {
                ledger.finished(name, error);
                meters.failed(name);
            });
        }
    }

    private Replay twinOf(JdbcProjection live) {
        TwinSchema twin = new TwinSchema(jdbc, live.liveSchema(), live.liveSchema() + "_rebuild");
        transactions.executeWithoutResult(status -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + live.liveSchema() + "_retired CASCADE");
            twin.create();
        });
        BatchingJdbcTemplate writes = new BatchingJdbcTemplate(dataSource);
        return new Replay(live, twin, writes, new AnnotationEventHandlerAdapter(live.inSchema(twin.name(), writes)));
    }

    /**
     * Reads each batch once, ahead, while the projections apply the one before it, each on
     * its own thread and in its own transaction: a rebuild waited on PostgreSQL one statement
     * run at a time, leaving the other core idle.
     */
    private void replayAll(List<Replay> replays) {
        List<Replay> reading = replays;
        Future<SharedRead> ahead = null;
        try {
            while (!reading.isEmpty()) {
                SharedRead read = next(ahead, reading);
                ahead = read.full() ? readAhead(reading, read) : null;
                reading = applyAll(reading, read);
            }
        } finally {
            if (ahead != null) {
                ahead.cancel(true);
            }
        }
    }

    /** The read the replays still reading need now: the one read ahead if it serves them, else a fresh one. */
    private SharedRead next(Future<SharedRead> ahead, List<Replay> reading) {
        long after = reading.stream().mapToLong(replay -> replay.cursor.highest()).min().orElseThrow();
        Set<Long> pending = new TreeSet<>();
        reading.forEach(replay -> pending.addAll(replay.cursor.pending()));
        if (ahead != null) {
            SharedRead read = await(ahead);
            if (read.serves(after, pending)) {
                return read;
            }
        }
        return read(reading, after, pending);
    }

    /**
     * Guesses the next read: after this one's last event, with the gaps it left among the
     * pending indexes. A guess the replays' cursors contradict is thrown away.
     */
    private Future<SharedRead> readAhead(List<Replay> reading, SharedRead read) {
        Set<Long> pending = new TreeSet<>(read.pending());
        long previous = read.after();
        for (TrackedEventMessage<?> event : read.events()) {
            long index = EventLog.indexOf(event);
            for (long gap = previous + 1; gap < index; gap++) {
                pending.add(gap);
            }
            previous = Math.max(previous, index);
        }
        List<Replay> readers = List.copyOf(reading);
        return executor.submit(() -> read(readers, read.lastIndex(), pending));
    }

    private SharedRead read(List<Replay> readers, long after, Set<Long> pending) {
        Map<String, LiveTokens> live = new HashMap<>();
        readers.forEach(replay -> live.put(replay.name, tokens.read(replay.name, false)));
        List<TrackedEventMessage<?>> read = events.read(after, pending, BATCH_SIZE);
        return new SharedRead(after, Set.copyOf(pending), live, read, BATCH_SIZE)
                .deserialized(event -> readers.stream().anyMatch(replay -> replay.handler.canHandle(event)));
    }

    /** A task's result, or its own failure as thrown on its thread. */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a rebuild waited for its threads", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Applies one read to every replay at once and waits for all of them.
     *
     * @return the replays that may have more to apply
     */
    private List<Replay> applyAll(List<Replay> reading, SharedRead read) {
        List<Boolean> more = inParallel(reading.stream()
                .<Callable<Boolean>>map(replay -> () -> applyInTransaction(replay, read)).toList());
        reading.forEach(replay -> meters.replayed(replay.name, replay.sinceLastCounted()));
        List<Replay> reads = new ArrayList<>();
        for (int i = 0; i < reading.size(); i++) {
            if (more.get(i)) {
                reads.add(reading.get(i));
            }
        }
        return reads;
    }

    /** Runs every task on its own thread and waits for all of them, even once one has failed. */
    private <T> List<T> inParallel(List<Callable<T>> tasks) {
        List<Future<T>> running = tasks.stream().map(executor::submit).toList();
        List<T> results = new ArrayList<>();
        RuntimeException failed = null;
        for (Future<T> task : running) {
            try {
                results.add(await(task));
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return results;
    }

    private boolean applyInTransaction(Replay replay, SharedRead read) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                // A crash loses the twin anyway, so its batches need not wait for the disk.
                jdbc.execute("SET LOCAL synchronous_commit = off");
                boolean more = replay.apply(read.liveOf(replay.name), read.events(), BATCH_SIZE);
                ledger.progressed(replay.name, replay.applied.get());
                return more;
            }));
        } catch (RuntimeException e) {
            replay.discard();
            throw e;
        }
    }

    private void swap(Replay replay) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                RebuildCursor before = replay.cursor.copy();
                long appliedBefore = replay.applied.get();
                try {
                    transactions.executeWithoutResult(status -> swapOnce(replay));
                } catch (RuntimeException e) {
                    replay.discard();
                    replay.cursor = before;
                    replay.applied.set(appliedBefore);
                    throw e;
                }
                jdbc.execute("DROP SCHEMA IF EXISTS " + replay.live.liveSchema() + "_retired CASCADE");
                return;
            } catch (DataAccessException e) {
                if (attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Swap of {} did not get its locks (attempt {}): {}", replay.name, attempt, e.getMessage());
                Thread.sleep(200L * attempt);
            }
        }
    }

    /**
     * Lock order matters: the live tables first, then the token rows. A live batch takes them
     * in that order too (rows, then its token), so the two wait for each other; a deadlock
     * PostgreSQL breaks by failing one side, and either side retries.
     */
    private void swapOnce(Replay replay) {
        String schema = replay.live.liveSchema();
        jdbc.execute("SET LOCAL lock_timeout = '10s'");
        String tables = String.join(", ", replay.twin.liveTables().stream().map(t -> schema + "." + t).toList());
        jdbc.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
        LiveTokens last = tokens.read(replay.name, true);
        while (replay.batch(last, BATCH_SIZE)) {
            LOG.debug("swap of {} applied a batch", replay.name);
        }
        replay.writes.send();
        jdbc.execute("ALTER SCHEMA " + schema + " RENAME TO " + schema + "_retired");
        jdbc.execute("ALTER SCHEMA " + replay.twin.name() + " RENAME TO " + schema);
    }

    /**
     * Events parked as dead letters are behind the live token but not in the live tables;
     * the rebuild leaves them out too, so a later retry applies them once, to either.
     */
    private Set<String> parkedEventIds(String name) {
        return new HashSet<>(jdbc.queryForList("SELECT event_identifier FROM dead_letter_entry "
                + "WHERE processing_group = ?", String.class, name));
    }

    /** One projection's rebuild: its twin, its reading position and the handler it feeds. */
    private final class Replay {
        private final JdbcProjection live;
        private final String name;
        private final TwinSchema twin;
        private final BatchingJdbcTemplate writes;
        private final AnnotationEventHandlerAdapter handler;
        private final AtomicLong applied = new AtomicLong();
        private long counted;
        private RebuildCursor cursor = new RebuildCursor();
        private Set<String> parked = Set.of();

        Replay(JdbcProjection live, TwinSchema twin, BatchingJdbcTemplate writes, AnnotationEventHandlerAdapter handler) {
            this.live = live;
            this.name = live.name();
            this.twin = twin;
            this.writes = writes;
            this.handler = handler;
        }

        /** Reads a batch of its own and applies it. */
        boolean batch(LiveTokens live, int limit) {
            return apply(live, events.read(cursor.highest(), cursor.pending(), limit), limit);
        }

        /**
         * Applies what a read returned and this replay has not applied yet, then sends the
         * writes it held.
         *
         * @return whether there may be more to apply under these live tokens
         */
        boolean apply(LiveTokens live, List<TrackedEventMessage<?>> read, int limit) {
            long ceiling = live.highestIndex();
            long highest = cursor.highest();
            Set<Long> pending = cursor.pending();
            parked = parkedEventIds(name);
            boolean advanced = false;
            try {
                for (TrackedEventMessage<?> event : read) {
                    long index = EventLog.indexOf(event);
                    if (index <= highest && !pending.contains(index)) {
                        continue;
                    }
                    if (index > ceiling) {
                        return false;
                    }
                    advanced |= index > cursor.highest();
                    applyOne(live, event, index);
                }
                return advanced && read.size() == limit;
            } finally {
                cursor.forgetGapsPassedBy(live);
                writes.send();
            }
        }

        void discard() {
            writes.discard();
        }

        long sinceLastCounted() {
            long now = applied.get();
            long since = now - counted;
            counted = now;
            return since;
        }

        private void applyOne(LiveTokens live, TrackedEventMessage<?> event, long index) {
            if (!live.covers(event)) {
                cursor.deferred(index);
                return;
            }
            if (parked.contains(event.getIdentifier())) {
                cursor.applied(index);
                return;
            }
            try {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException("rebuild of " + name + " could not apply event " + index, e);
            }
            cursor.applied(index);
            applied.incrementAndGet();
        }
    }
}
