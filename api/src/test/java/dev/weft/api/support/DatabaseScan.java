package dev.weft.api.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the whole database as a privacy auditor would search it, and as a rebuild must leave it. */
public final class DatabaseScan {
    /** The projections' schemas, by the names operators rebuild them by. */
    public static final Map<String, String> PROJECTION_SCHEMAS = projectionSchemas();
    private final JdbcTemplate jdbc;

    public DatabaseScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> projectionSchemas() {
        Map<String, String> schemas = new LinkedHashMap<>();
        schemas.put("timelines", "timelines");
        schemas.put("followers", "followers");
        schemas.put("sharing-status", "sharing_status");
        schemas.put("deletion-requests", "deletion_requests");
        schemas.put("audit", "audit");
        schemas.put("ledger", "ledger");
        return schemas;
    }

    /** Every text, JSON and binary column of every table that holds the value, as schema.table.column. */
    public List<String> placesHolding(String needle) {
        List<String> places = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("SELECT table_schema, table_name, column_name, data_type "
                + "FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
                + "AND data_type IN ('text', 'character varying', 'bytea', 'json', 'jsonb', 'character')")) {
            String table = column.get("table_schema") + "." + column.get("table_name");
            String name = "\"" + column.get("column_name") + "\"";
            String match = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0" : name + "::text LIKE '%' || ? || '%'";
            if (jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + match, Long.class, needle) > 0) {
                places.add(table + "." + column.get("column_name"));
            }
        }
        return places;
    }

    /** Every row of every projection, by projection, in a stable order. */
    public Map<String, List<String>> projections() {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        PROJECTION_SCHEMAS.forEach((name, schema) -> dump.put(name, rowsOf(schema)));
        return dump;
    }

    private List<String> rowsOf(String schema) {
        List<String> rows = new ArrayList<>();
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = ? ORDER BY table_name", String.class, schema);
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + schema + "." + table
                    + " t ORDER BY t::text")) {
                rows.add(table + " " + row);
            }
        }
        return rows;
    }
}
