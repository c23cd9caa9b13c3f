package dev.weft.infrastructure.federation.delivery;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryRecipient;
import dev.weft.application.federation.delivery.OutboundDelivery;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.shared.NodeNudges;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes deliveries with the JdbcTemplate of the application's DataSource, so inside a
 * command's or a policy's transaction they commit or roll back with it: nothing is sent
 * for a fact that was not stored, and nothing stored is left unsent. The delivery id is
 * the primary key, so enqueueing the same delivery again stores nothing.
 */
@Component
public class JdbcDeliveryOutbox implements DeliveryOutbox {
    /** A delivery withdrawn before any attempt or lease surely never reached its inbox. */
    private static final String REACHED =
            "(d.state <> 'withdrawn' OR d.attempts > 0 OR d.last_attempt_at IS NOT NULL)";
    private final JdbcTemplate jdbc;
    private final FederationSettings settings;
    private final Clock clock;
    private final DeliveryWakeUp wakeUp;
    private final NodeNudges nudges;

    public JdbcDeliveryOutbox(JdbcTemplate jdbc, FederationSettings settings, Clock clock, DeliveryWakeUp wakeUp, NodeNudges nudges) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.nudges = nudges;
    }

    @Override
    public void enqueue(List<OutboundDelivery> deliveries) {
        Instant now = clock.now();
        List<Object[]> rows = deliveries.stream()
                .filter(d -> !settings.suspended(hostOf(d)))
                .map(d -> row(d, now))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO federation.delivery (delivery_id, account_id, purpose, activity_id, "
                + "activity_json, inbox, host, copy_id, state, next_attempt_at, created_at, post_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (delivery_id) DO UPDATE "
                + "SET copy_id = EXCLUDED.copy_id WHERE federation.delivery.copy_id IS NULL "
                + "AND EXCLUDED.copy_id IS NOT NULL", rows);
        nudges.nudgeEverywhere(wakeUp);
    }

    @Override
    public List<DeliveryRecipient> recipientsOf(String activityId) {
        return recipients(activityId, "");
    }

    @Override
    public List<DeliveryRecipient> recipientsOfAccount(String accountId) {
        return jdbc.query("SELECT DISTINCT d.inbox, d.host FROM federation.delivery d WHERE d.account_id = ? "
                        + "AND " + REACHED + " ORDER BY d.inbox",
                (rs, n) -> new DeliveryRecipient(rs.getString("inbox"), rs.getString("host"), null), accountId);
    }

    @Override
    public List<DeliveryRecipient> recipientsNotRecalled(String activityId) {
        return recipients(activityId, "AND NOT " + RecalledCopies.recalled("d") + " ");
    }

    private List<DeliveryRecipient> recipients(String activityId, String andAlso) {
        return jdbc.query("SELECT d.inbox, d.host, d.copy_id FROM federation.delivery d WHERE d.activity_id = ? "
                        + "AND " + REACHED + " " + andAlso + "ORDER BY d.inbox",
                (rs, n) -> new DeliveryRecipient(rs.getString("inbox"), rs.getString("host"), rs.getString("copy_id")),
                activityId);
    }

    @Override
    public Optional<String> enqueuedActivity(String activityId) {
        return jdbc.queryForList("SELECT activity_json FROM federation.delivery WHERE activity_id = ? LIMIT 1",
                String.class, activityId).stream().findFirst();
    }

    /**
     * Only while no delivery of the activity has been attempted or leased: a worker that holds
     * a lease may be sending the old text at this moment.
     */
    @Override
    public int replaceUnsent(String activityId, String activityJson) {
        return jdbc.update("UPDATE federation.delivery SET activity_json = ? WHERE activity_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM federation.delivery s WHERE s.activity_id = ? AND (s.attempts > 0 OR s.state <> "
                + "'pending' OR s.lease_until IS NOT NULL))", activityJson, activityId, activityId);
    }

    /**
     * A row leased once (its lease may have run out on a node that died mid-send) counts one
     * attempt more, so it stays among the Delete's recipients.
     */
    @Override
    public Withdrawal withdrawPending(String copyId) {
        Timestamp now = ts(clock.now());
        List<Integer> attempts = jdbc.queryForList("UPDATE federation.delivery SET state = 'withdrawn', "
                + "settled_at = ?, attempts = attempts + CASE WHEN lease_until IS NULL THEN 0 ELSE 1 END, "
                + "lease_until = NULL, leased_by = NULL, last_error = CASE WHEN attempts = 0 AND lease_until IS NULL "
                + "AND last_attempt_at IS NULL "
                + "THEN 'withdrawn before it was sent' ELSE 'withdrawn: its post was deleted' END "
                + "WHERE copy_id = ? AND " + RecalledCopies.CARRIES_POST + " AND state = 'pending' "
                + "AND (lease_until IS NULL OR lease_until < ?) "
                + "RETURNING CASE WHEN last_attempt_at IS NULL THEN attempts ELSE GREATEST(attempts, 1) END",
                Integer.class,
                now, copyId, now);
        return new Withdrawal(attempts.size(), (int) attempts.stream().filter(n -> n == 0).count());
    }

    @Override
    public int eraseRecalledContent(String copyId) {
        return RecalledActivity.eraseSettledOf(jdbc, copyId, clock.now());
    }

    private static Object[] row(OutboundDelivery d, Instant now) {
        Instant due = d.notBefore() != null && d.notBefore().isAfter(now) ? d.notBefore() : now;
        return new Object[] {d.deliveryId(), d.accountId(), d.purpose().name(), d.activityId(), d.activityJson(),
                d.inbox(), hostOf(d), d.copyId(), ts(due), ts(now), d.postId()};
    }

    /** The inbox's authority (host, and port when given) unless the caller named the host. */
    static String hostOf(OutboundDelivery d) {
        if (d.host() != null && !d.host().isBlank()) {
            return d.host().toLowerCase(Locale.ROOT);
        }
        URI inbox = URI.create(d.inbox());
        String host = inbox.getHost().toLowerCase(Locale.ROOT);
        return inbox.getPort() == -1 ? host : host + ":" + inbox.getPort();
    }
}
