package dev.weft.infrastructure.federation.inbox;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.federation.inbox.InboxQueue;
import dev.weft.application.federation.inbox.ReceivedActivity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox queue in PostgreSQL. Claims lease rows with SKIP LOCKED, so the workers of
 * several nodes share the queue without taking the same activity; a node that dies leaves
 * its leases to expire and another node takes them over.
 */
@Component
public class JdbcInboxQueue implements InboxQueue {
    static final Duration LEASE = Duration.ofMinutes(2);
    private final JdbcTemplate jdbc;
    private final InboxWakeUp wakeUp;

    public JdbcInboxQueue(JdbcTemplate jdbc, InboxWakeUp wakeUp) {
        this.jdbc = jdbc;
        this.wakeUp = wakeUp;
    }

    @Override
    public boolean store(ReceivedActivity a) {
        int stored = jdbc.update("INSERT INTO federation.inbox_activity (activity_id, type, actor_id, actor_host, "
                        + "object_id, object_type, recipient_account_id, key_id, signature_scheme, body, state, "
                        + "next_attempt_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?) "
                        + "ON CONFLICT (activity_id) DO NOTHING",
                a.activityId(), a.type(), a.actorId(), a.actorHost(), a.objectId(), a.objectType(),
                a.recipientAccountId(), a.keyId(), a.signatureScheme(), a.body(), ts(a.receivedAt()),
                ts(a.receivedAt()));
        if (stored == 1) {
            wakeUp.nudge();
        }
        return stored == 1;
    }

    @Override
    public Optional<ReceivedActivity> find(String activityId) {
        return jdbc.query("SELECT * FROM federation.inbox_activity WHERE activity_id = ?", JdbcInboxQueue::activity,
                activityId).stream().findFirst();
    }

    @Override
    public List<ReceivedActivity> claimDue(int max) {
        return jdbc.query("UPDATE federation.inbox_activity SET lease_until = now() + make_interval(secs => ?), "
                + "attempts = attempts + 1 WHERE activity_id IN (SELECT activity_id FROM federation.inbox_activity "
                + "WHERE state = 'RECEIVED' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now()) "
                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *", JdbcInboxQueue::activity,
                (double) LEASE.toSeconds(), max);
    }

    @Override
    public void completed(String activityId, String outcome) {
        jdbc.update("UPDATE federation.inbox_activity SET state = 'PROCESSED', processed_at = now(), outcome = ?, "
                + "lease_until = NULL WHERE activity_id = ?", outcome, activityId);
    }

    @Override
    public void failed(String activityId, String error, Instant retryAt) {
        if (retryAt == null) {
            jdbc.update("UPDATE federation.inbox_activity SET state = 'FAILED', processed_at = now(), outcome = ?, "
                    + "lease_until = NULL WHERE activity_id = ?", error, activityId);
        } else {
            jdbc.update("UPDATE federation.inbox_activity SET next_attempt_at = ?, outcome = ?, lease_until = NULL "
                    + "WHERE activity_id = ?", ts(retryAt), error, activityId);
        }
    }

    private static ReceivedActivity activity(ResultSet rs, int row) throws SQLException {
        return new ReceivedActivity(rs.getString("activity_id"), rs.getString("type"), rs.getString("actor_id"),
                rs.getString("actor_host"), rs.getString("object_id"), rs.getString("object_type"),
                rs.getString("recipient_account_id"), rs.getString("key_id"), rs.getString("signature_scheme"),
                rs.getString("body"), rs.getInt("attempts"), instant(rs, "received_at"));
    }
}
