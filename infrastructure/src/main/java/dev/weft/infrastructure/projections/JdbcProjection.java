package dev.weft.infrastructure.projections;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model in its own PostgreSQL schema. The live instance writes to the schema named
 * after it; a rebuild makes a second instance on a twin schema and replays into that.
 */
public abstract class JdbcProjection {
    protected final JdbcTemplate jdbc;
    private final String schema;

    protected JdbcProjection(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** The processing group, which is also the name operators use. */
    public abstract String name();

    /** The schema the live projection reads and writes. */
    public abstract String liveSchema();

    /** A fresh instance writing to another schema, for a rebuild. */
    public abstract JdbcProjection inSchema(String otherSchema);

    public String schema() {
        return schema;
    }

    protected String table(String name) {
        return schema + "." + name;
    }

    protected static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("token without position: " + token));
    }

    protected static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
