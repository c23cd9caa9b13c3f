package dev.weft.infrastructure.projections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model in its own PostgreSQL schema. The live instance writes to the schema named
 * after it; a rebuild makes a second instance on a twin schema and replays into that.
 */
public abstract class JdbcProjection {
    protected final JdbcTemplate jdbc;
    private final String name;
    private final String liveSchema;
    private final String schema;

    protected JdbcProjection(JdbcTemplate jdbc, String name, String liveSchema, String schema) {
        this.jdbc = jdbc;
        this.name = name;
        this.liveSchema = liveSchema;
        this.schema = schema;
    }

    /** The processing group, which is also the name operators use. */
    public String name() {
        return name;
    }

    /** The schema the live projection reads and writes. */
    public String liveSchema() {
        return liveSchema;
    }

    /** A fresh instance writing to another schema through another JDBC, for a rebuild. */
    public abstract JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc);

    public String schema() {
        return schema;
    }

    /**
     * Runs one write whose row count the handler does not need. A rebuild holds it back and
     * sends it in a JDBC batch with its like, which is why it returns no count.
     */
    protected void write(String sql, Object... args) {
        if (jdbc instanceof BatchingJdbcTemplate batching) {
            batching.hold(sql, args);
        } else {
            jdbc.update(sql, args);
        }
    }

    /**
     * As {@link #write}, for a write that touches only the rows of one entity (a post, a copy),
     * named by {@code entity}; a rebuild may batch it ahead of other entities' writes.
     */
    protected void writeFor(String entity, String sql, Object... args) {
        if (jdbc instanceof BatchingJdbcTemplate batching) {
            batching.hold(entity, sql, args);
        } else {
            jdbc.update(sql, args);
        }
    }

    /**
     * Runs the writes an event recording a batch makes (a row per copy or attempt) as JDBC
     * batches, in the handler's transaction: a few round trips for 500 rows instead of 500.
     * During a rebuild every write is batched already.
     */
    @SuppressWarnings("unchecked")
    protected <P extends JdbcProjection> void inBatches(P self, Consumer<P> writes) {
        if (jdbc instanceof BatchingJdbcTemplate) {
            writes.accept(self);
            return;
        }
        BatchingJdbcTemplate batching = new BatchingJdbcTemplate(jdbc.getDataSource());
        writes.accept((P) inSchema(schema, batching));
        batching.send();
    }

    /** Writes one row set per element of a batch event, each under its own row id, in JDBC batches. */
    protected <P extends JdbcProjection, T> void eachInBatches(P self, String eventId, List<T> elements,
                                                             ElementWriter<P, T> writer) {
        inBatches(self, p -> BatchEntries.forEach(eventId, elements, (id, element) -> writer.write(p, id, element)));
    }

    /** What one element of a batch event writes, through the projection given. */
    @FunctionalInterface
    protected interface ElementWriter<P, T> {
        void write(P projection, String rowId, T element);
    }

    protected String table(String name) {
        return schema + "." + name;
    }

    /**
     * A row's place in its list: the event's own timestamp in microseconds, with three digits
     * from its id to part events of the same microsecond. Not the tracking token: a token
     * handed to a late-committed event carries the highest index seen so far, so a live
     * processor and a rebuild would number the same event differently.
     */
    protected static long position(Instant eventTime, String eventId) {
        long micros = Math.addExact(Math.multiplyExact(eventTime.getEpochSecond(), 1_000_000L),
                eventTime.getNano() / 1_000);
        return Math.addExact(Math.multiplyExact(micros, 1_000L), Math.floorMod(eventId.hashCode(), 1_000));
    }

    protected static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
