package dev.weft.infrastructure.projections;

import static dev.weft.infrastructure.shared.Rows.instant;

import dev.weft.application.projections.LastRebuild;
import dev.weft.application.projections.RebuildProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The projection_rebuild table: every node sees which rebuild runs where, how far, and how it ended. */
@Component
class RebuildLedger {
    private final JdbcTemplate jdbc;

    RebuildLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void started(String name, String node, long total) {
        jdbc.update("INSERT INTO projection_rebuild (name, state, node, started_at, events_done, events_total) "
                + "VALUES (?, 'rebuilding', ?, now(), 0, ?) ON CONFLICT (name) DO UPDATE SET state = 'rebuilding', "
                + "node = EXCLUDED.node, started_at = now(), finished_at = NULL, events_done = 0, "
                + "events_total = EXCLUDED.events_total, error = NULL", name, node, total);
    }

    void progressed(String name, long done) {
        jdbc.update("UPDATE projection_rebuild SET events_done = ? WHERE name = ?", done, name);
    }

    void finished(String name, String error) {
        jdbc.update("UPDATE projection_rebuild SET state = ?, finished_at = now(), error = ? WHERE name = ?",
                error == null ? "succeeded" : "failed", error, name);
    }

    Optional<LastRebuild> last(String name) {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE name = ?", (rs, i) -> new LastRebuild(
                rs.getString("state"), rs.getString("node"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("error")), name).stream().findFirst();
    }

    Optional<RebuildProgress> progress(String name) {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE name = ? AND state = 'rebuilding'", (rs, i) -> {
            Instant started = instant(rs, "started_at");
            long done = rs.getLong("events_done");
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            return new RebuildProgress(done, Math.max(done, rs.getLong("events_total")),
                    Math.round(done / seconds * 10) / 10.0, started);
        }, name).stream().findFirst();
    }

}
