package dev.weft.infrastructure.federation.inbox;

import static dev.weft.infrastructure.shared.Rows.instant;

import dev.weft.application.federation.inbox.InboxAdmin;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcInboxAdmin implements InboxAdmin {
    private static final int RECENT_FAILURES = 50;
    private final JdbcTemplate jdbc;
    private final InboxWakeUp wakeUp;

    public JdbcInboxAdmin(JdbcTemplate jdbc, InboxWakeUp wakeUp) {
        this.jdbc = jdbc;
        this.wakeUp = wakeUp;
    }

    @Override
    public InboxStatus status() {
        Map<String, Long> byState = new LinkedHashMap<>();
        jdbc.query("SELECT state, count(*) AS n FROM federation.inbox_activity GROUP BY state ORDER BY state",
                rs -> {
                    byState.put(rs.getString("state"), rs.getLong("n"));
                });
        Instant oldest = jdbc.queryForObject("SELECT min(received_at) AS oldest FROM federation.inbox_activity "
                + "WHERE state = 'RECEIVED'", (rs, n) -> instant(rs, "oldest"));
        List<FailedActivity> failures = jdbc.query("SELECT activity_id, type, actor_id, attempts, outcome, "
                + "received_at FROM federation.inbox_activity WHERE state = 'FAILED' ORDER BY processed_at DESC LIMIT ?",
                (rs, n) -> new FailedActivity(rs.getString("activity_id"), rs.getString("type"),
                        rs.getString("actor_id"), rs.getInt("attempts"), rs.getString("outcome"),
                        instant(rs, "received_at")), RECENT_FAILURES);
        return new InboxStatus(byState, oldest, failures);
    }

    /**
     * Every command an activity sends is idempotent, so trying one again records nothing twice.
     * A failure whose body the retention has erased cannot be read again, so it stays failed.
     */
    @Override
    public int retryFailed() {
        int due = jdbc.update("UPDATE federation.inbox_activity SET state = 'RECEIVED', attempts = 0, "
                + "next_attempt_at = now(), lease_until = NULL WHERE state = 'FAILED' AND body IS NOT NULL");
        if (due > 0) {
            wakeUp.nudge();
        }
        return due;
    }
}
