package dev.weft.infrastructure.projections;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema a rebuild fills beside a live one, built as a bulk load is: unlogged, with only
 * the keys its statements need (primary keys and unique constraints, for ON CONFLICT and for
 * updates by id). Every other index is built once at the end, from the live one's own
 * definition and under its own name, and then the tables are written to the WAL whole.
 * Maintaining those indexes row by row, and logging every row, was most of a rebuild's cost
 * in PostgreSQL; a crash meanwhile loses only a twin the next rebuild makes again.
 */
final class TwinSchema {
    private final JdbcTemplate jdbc;
    private final String live;
    private final String twin;

    TwinSchema(JdbcTemplate jdbc, String live, String twin) {
        this.jdbc = jdbc;
        this.live = live;
        this.twin = twin;
    }

    String name() {
        return twin;
    }

    /** The live schema's tables, by name. */
    List<String> liveTables() {
        return tables(live);
    }

    /** Makes the twin empty, with the live tables' columns, defaults and keys. */
    void create() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + twin + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + twin);
        for (String table : tables(live)) {
            jdbc.execute("CREATE UNLOGGED TABLE " + twin + "." + table + " (LIKE " + live + "." + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
        }
        jdbc.queryForList("SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I ', ?::text, t.relname, c.conname) "
                + "|| pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND c.contype IN ('p', 'u') "
                + "ORDER BY t.relname, c.conname", String.class, twin, live).forEach(jdbc::execute);
        indexes(true).forEach(jdbc::execute);
    }

    /** Builds the remaining indexes and logs the tables, so the twin is as the live schema is. */
    void complete() {
        indexes(false).forEach(jdbc::execute);
        for (String table : tables(twin)) {
            jdbc.execute("ALTER TABLE " + twin + "." + table + " SET LOGGED");
        }
    }

    /** The live schema's indexes that no constraint owns, unique or not, as statements for the twin. */
    private List<String> indexes(boolean unique) {
        return jdbc.queryForList("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                + "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE n.nspname = ? AND i.indisunique = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                + "WHERE c.conindid = i.indexrelid) ORDER BY i.indexrelid", String.class, live, unique)
                .stream().map(this::onTwin).toList();
    }

    private String onTwin(String definition) {
        Matcher on = Pattern.compile(" ON (ONLY )?" + Pattern.quote(live) + "\\.").matcher(definition);
        if (!on.find()) {
            throw new IllegalStateException("cannot place index on the twin: " + definition);
        }
        return on.replaceFirst(" ON $1" + Matcher.quoteReplacement(twin) + ".");
    }

    private List<String> tables(String schema) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class, schema);
    }
}
