package dev.weft.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements PostgreSQL spent its time on during a window, from pg_stat_statements
 * (loaded with --pg-statements=true): where the database's share of the cores goes.
 */
final class PgStatements {
    private PgStatements() {
    }

    static void reset(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    static List<String> top(String jdbcUrl, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, rows, "
                     + "regexp_replace(query, '\\s+', ' ', 'g') AS q FROM pg_stat_statements "
                     + "WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT " + limit)) {
            while (rs.next()) {
                String q = rs.getString("q");
                lines.add(String.format("%8.0f ms %7d calls %8d rows  %s", rs.getDouble("total_exec_time"),
                        rs.getLong("calls"), rs.getLong("rows"), q.length() > 150 ? q.substring(0, 150) + "..." : q));
            }
        }
        return lines;
    }
}
