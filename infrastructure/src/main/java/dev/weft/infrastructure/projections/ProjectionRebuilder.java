package dev.weft.infrastructure.projections;

import dev.weft.application.projections.ProjectionAdmin;
import dev.weft.application.projections.ProjectionStatus;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.ConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection beside the live one and swaps it in. Reads are served from the
 * live schema throughout; the swap takes the live tables' locks for as long as it takes to
 * apply the last few events and rename two schemas.
 */
@Component
public class ProjectionRebuilder implements ProjectionAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int BATCH_SIZE = 500;
    private static final int SWAP_ATTEMPTS = 5;
    private final Map<String, JdbcProjection> projections = new LinkedHashMap<>();
    private final Map<String, RebuildRun> running = new ConcurrentHashMap<>();
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TokenTable tokens;
    private final EventProcessingConfiguration processing;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilder(List<JdbcProjection> projections, EventStorageEngine storage, JdbcTemplate jdbc,
                               PlatformTransactionManager transactionManager, TokenTable tokens,
                               EventProcessingConfiguration processing) {
        projections.forEach(p -> this.projections.put(p.name(), p));
        this.storage = storage;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokens = tokens;
        this.processing = processing;
    }

    @Override
    public List<ProjectionStatus> statuses() {
        long head = tokens.head();
        return projections.keySet().stream().map(name -> status(name, head)).toList();
    }

    private ProjectionStatus status(String name, long head) {
        long position = Math.max(Math.max(tokens.read(name, false).position(), localPosition(name)), 0);
        RebuildRun run = running.get(name);
        long lag = Math.max(head, 0) - position;
        return new ProjectionStatus(name, position, Math.max(head, 0), lag, run == null ? "live" : "rebuilding",
                run == null ? null : run.progress());
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
        RebuildRun run = new RebuildRun(tokens.head());
        if (running.putIfAbsent(name, run) != null) {
            throw new ConflictException("name", "projection '" + name + "' is already rebuilding");
        }
        executor.submit(() -> runRebuild(live, run));
    }

    /** Blocks until no rebuild is running; for tests and orderly shutdown. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return running.isEmpty();
    }

    private void runRebuild(JdbcProjection live, RebuildRun run) {
        try {
            String twin = live.liveSchema() + "_rebuild";
            createTwin(live.liveSchema(), twin);
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(live.inSchema(twin));
            ReplayCursor cursor = new ReplayCursor();
            while (replayBatch(live.name(), handler, cursor, run) == BATCH_SIZE) {
                LOG.debug("rebuild of {}: {}", live.name(), run.progress());
            }
            swap(live, twin, handler, cursor, run);
            LOG.info("Rebuilt projection {}: {}", live.name(), run.progress());
        } catch (RuntimeException | InterruptedException e) {
            LOG.error("Rebuild of projection {} failed; the live projection is untouched", live.name(), e);
        } finally {
            running.remove(live.name());
        }
    }

    private void createTwin(String liveSchema, String twin) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + twin + " CASCADE");
            jdbc.execute("DROP SCHEMA IF EXISTS " + liveSchema + "_retired CASCADE");
            jdbc.execute("CREATE SCHEMA " + twin);
            for (String table : tablesOf(liveSchema)) {
                jdbc.execute("CREATE TABLE " + twin + "." + table + " (LIKE " + liveSchema + "." + table
                        + " INCLUDING ALL)");
            }
        });
    }

    private List<String> tablesOf(String schema) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class, schema);
    }

    /** @return how many events were read; fewer than a batch means the rebuild reached the live processor */
    private int replayBatch(String name, AnnotationEventHandlerAdapter handler, ReplayCursor cursor, RebuildRun run) {
        Integer read = transactions.execute(status -> apply(tokens.read(name, false), handler, cursor, run, BATCH_SIZE));
        return read == null ? 0 : read;
    }

    private int apply(LiveTokens live, AnnotationEventHandlerAdapter handler, ReplayCursor cursor, RebuildRun run,
                      int limit) {
        int read = 0;
        long ceiling = live.highestIndex();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(cursor.token(), false)) {
            var iterator = events.iterator();
            while (read < limit && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (LiveTokens.indexOf(event) > ceiling) {
                    break;
                }
                read++;
                applyOne(live, handler, cursor, event);
            }
        }
        run.applied(read);
        return read;
    }

    private static void applyOne(LiveTokens live, AnnotationEventHandlerAdapter handler, ReplayCursor cursor,
                                 TrackedEventMessage<?> event) {
        if (!live.covers(event)) {
            cursor.deferred(event);
            return;
        }
        try {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("rebuild could not apply event " + event.getIdentifier(), e);
        }
        cursor.applied(event);
    }

    private void swap(JdbcProjection live, String twin, AnnotationEventHandlerAdapter handler, ReplayCursor cursor,
                      RebuildRun run) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                ReplayCursor attemptCursor = cursor.copy();
                transactions.executeWithoutResult(status -> swapOnce(live, twin, handler, attemptCursor, run));
                jdbc.execute("DROP SCHEMA IF EXISTS " + live.liveSchema() + "_retired CASCADE");
                return;
            } catch (DataAccessException e) {
                if (attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Swap of {} did not get its locks (attempt {}): {}", live.name(), attempt, e.getMessage());
                Thread.sleep(200L * attempt);
            }
        }
    }

    /**
     * Lock order matters: the live tables first, then the token rows. A live batch takes them
     * in that order too (rows, then its token), so the two wait for each other, not deadlock.
     */
    private void swapOnce(JdbcProjection live, String twin, AnnotationEventHandlerAdapter handler,
                          ReplayCursor cursor, RebuildRun run) {
        String schema = live.liveSchema();
        jdbc.execute("SET LOCAL lock_timeout = '10s'");
        String tables = String.join(", ", tablesOf(schema).stream().map(t -> schema + "." + t).toList());
        jdbc.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
        apply(tokens.read(live.name(), true), handler, cursor, run, Integer.MAX_VALUE);
        jdbc.execute("ALTER SCHEMA " + schema + " RENAME TO " + schema + "_retired");
        jdbc.execute("ALTER SCHEMA " + twin + " RENAME TO " + schema);
    }
}
