package dev.weft.infrastructure.federation.delivery;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.federation.delivery.DeliveryPurpose;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox table as the workers use it: one statement to claim a batch, one round trip
 * to settle a batch. Each runs in its own short transaction (autocommit), never around the
 * HTTP request, so a slow server holds no row lock and no connection.
 */
@Component
public class DeliveryStore {
    private static final String COLUMNS = "d.delivery_id, d.account_id, d.purpose, d.activity_id, d.activity_json, "
            + "d.inbox, d.host, d.copy_id, d.attempts, d.first_attempt_at, d.created_at, d.post_id";

    private final JdbcTemplate jdbc;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leases up to limit due deliveries. SKIP LOCKED lets nodes claim side by side without
     * waiting on each other; a row another node is claiming right now is skipped, and once
     * that claim commits the row is no longer due. Pushing next_attempt_at to the lease's
     * end is what makes a crashed node's rows come back. A copy's Delete waits while its
     * Create or Update is still pending (being sent, or failed and about to be withdrawn), and
     * a Create or Update whose copy has a Delete is never claimed: arriving after the Delete,
     * it would bring the post back. PostgreSQL answers the two copy checks by hashing the
     * rows that could match, once per claim; V23's partial indexes hold only those (the
     * Deletes, the pending Creates and Updates), so the claim no longer scans the outbox;
     * it still reads every Delete the outbox keeps, which grows with the posts ever deleted.
     * Written as NOT EXISTS, the checks became per-row probes whose index PostgreSQL chose
     * badly when its statistics lagged a fan-out (16 ms a claim), so they stay as they are.
     */
    public List<ClaimedDelivery> claim(String node, int limit, Instant now, Duration lease,
                                       Collection<String> skippedHosts) {
        Instant until = now.plus(lease);
        return jdbc.query("UPDATE federation.delivery d SET lease_until = ?, leased_by = ?, next_attempt_at = ? "
                        + "FROM (SELECT delivery_id FROM federation.delivery c WHERE c.state = 'pending' "
                        + "AND c.next_attempt_at <= ? AND NOT (c.host = ANY (?)) "
                        + "AND NOT EXISTS (SELECT 1 FROM federation.server s WHERE s.host = c.host "
                        + "AND s.unavailable_since IS NOT NULL) "
                        + "AND NOT (c.copy_id IS NOT NULL AND c.purpose = 'POST_DELETE' AND EXISTS (SELECT 1 "
                        + "FROM federation.delivery k WHERE k.copy_id = c.copy_id AND k." + RecalledCopies.CARRIES_POST
                        + " AND k.state = 'pending')) "
                        + "AND NOT " + RecalledCopies.carriesRecalledPost("c") + " "
                        + "ORDER BY c.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due "
                        + "WHERE d.delivery_id = due.delivery_id RETURNING " + COLUMNS
                        + ", (SELECT s.signature_scheme FROM federation.server s WHERE s.host = d.host) AS scheme",
                this::claimed, ts(until), node, ts(until), ts(now), skippedHosts.toArray(String[]::new), limit);
    }

    /**
     * Settles a batch of sent deliveries in one statement: the batch travels as arrays, so
     * PostgreSQL plans and runs one UPDATE rather than one per row. The guard on leased_by
     * keeps a node whose lease ran out from overwriting the next holder.
     */
    public void settleAll(List<Settlement> settlements, String node) {
        if (settlements.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("UPDATE federation.delivery d SET state = v.state, "
                    + "attempts = d.attempts + 1, first_attempt_at = COALESCE(d.first_attempt_at, v.at), "
                    + "last_attempt_at = v.at, last_http_status = v.status, last_error = v.error, "
                    + "next_attempt_at = v.next, settled_at = v.settled, lease_until = NULL, leased_by = NULL, "
                    + "last_attempt_by = ? FROM unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::int[], ?::text[], "
                    + "?::text[]::timestamptz[], ?::text[]::timestamptz[]) AS v(delivery_id, state, at, status, error, next, settled) "
                    + "WHERE d.delivery_id = v.delivery_id AND d.leased_by = ?");
            ps.setString(1, node);
            ps.setArray(2, connection.createArrayOf("text", column(settlements, s -> s.delivery().deliveryId())));
            ps.setArray(3, connection.createArrayOf("text", column(settlements, Settlement::state)));
            ps.setArray(4, connection.createArrayOf("text", column(settlements, s -> iso(s.at()))));
            ps.setArray(5, connection.createArrayOf("int4", column(settlements, Settlement::httpStatus)));
            ps.setArray(6, connection.createArrayOf("text", column(settlements, Settlement::error)));
            ps.setArray(7, connection.createArrayOf("text", column(settlements,
                    s -> iso(s.pending() ? s.next() : s.at()))));
            ps.setArray(8, connection.createArrayOf("text", column(settlements,
                    s -> s.pending() ? null : iso(s.at()))));
            ps.setString(9, node);
            return ps;
        });
    }

    private static Object[] column(List<Settlement> settlements, Function<Settlement, Object> value) {
        return settlements.stream().map(value).toArray();
    }

    /** Instants travel as ISO-8601 text with their offset, so no session time zone can shift them. */
    private static String iso(Instant instant) {
        return instant.toString();
    }

    /** The copy was recalled: its settled Creates and Updates lose the post's text. */
    public int eraseRecalledContent(String copyId, Instant now) {
        return RecalledActivity.eraseSettledOf(jdbc, copyId, now);
    }

    /** The copies, among those the given Creates and Updates carry, that a Delete has been enqueued for. */
    public Set<String> recalledAmong(List<ClaimedDelivery> deliveries) {
        String[] copies = deliveries.stream()
                .filter(d -> d.purpose() == DeliveryPurpose.POST_CREATE || d.purpose() == DeliveryPurpose.POST_UPDATE)
                .map(ClaimedDelivery::copyId).filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (copies.length == 0) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList(RecalledCopies.RECALLED_AMONG, String.class, (Object) copies));
    }

    /**
     * Withdraws the pending Creates and Updates, not being sent, whose copy has a Delete: the
     * claim skips them, and their Delete waits until they are settled. A lease that ran out
     * counts as a possible attempt, as when a post is deleted.
     *
     * @return how many were withdrawn
     */
    public int withdrawRecalled(Instant now) {
        return jdbc.update("UPDATE federation.delivery d SET state = 'withdrawn', settled_at = ?, "
                + "attempts = attempts + CASE WHEN lease_until IS NULL THEN 0 ELSE 1 END, lease_until = NULL, "
                + "leased_by = NULL, last_error = 'withdrawn: its post was deleted' "
                + "WHERE d.state = 'pending' AND (d.lease_until IS NULL OR d.lease_until < ?) AND "
                + RecalledCopies.carriesRecalledPost("d"), ts(now), ts(now));
    }

    /** Back to the queue without an attempt: the host's circuit is open, or this node is stopping. */
    public void putBack(String deliveryId, String node, Instant next) {
        jdbc.update("UPDATE federation.delivery SET next_attempt_at = ?, lease_until = NULL, leased_by = NULL "
                + "WHERE delivery_id = ? AND leased_by = ? AND state = 'pending'", ts(next), deliveryId, node);
    }

    /**
     * Ends the pending deliveries of unavailable servers whose retry window is over, counted
     * from their first attempt, or from their creation when none was made.
     */
    public List<ClaimedDelivery> expireUnavailable(Instant now, Duration window) {
        return jdbc.query("UPDATE federation.delivery d SET state = 'failed', last_error = 'server unavailable', "
                        + "settled_at = ?, lease_until = NULL, leased_by = NULL "
                        + "WHERE d.state = 'pending' AND COALESCE(d.first_attempt_at, d.created_at) < ? "
                        + "AND (d.lease_until IS NULL OR d.lease_until < ?) "
                        + "AND d.host IN (SELECT host FROM federation.server WHERE unavailable_since IS NOT NULL) "
                        + "RETURNING " + COLUMNS + ", NULL AS scheme",
                this::claimed, ts(now), ts(now.minus(window)), ts(now));
    }

    private ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedDelivery(rs.getString("delivery_id"), rs.getString("account_id"),
                DeliveryPurpose.valueOf(rs.getString("purpose")), rs.getString("activity_id"),
                rs.getString("activity_json"), rs.getString("inbox"), rs.getString("host"), rs.getString("copy_id"),
                rs.getInt("attempts"), instant(rs, "first_attempt_at"), instant(rs, "created_at"),
                rs.getString("scheme"), rs.getString("post_id"));
    }
}
