package dev.weft.infrastructure.federation.delivery;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.federation.delivery.DeliveryAdmin;
import dev.weft.application.federation.delivery.DeliveryServerView;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.shared.NodeNudges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operators' view of the outbox per server, and redelivery. A redelivered delivery starts a
 * new retry window (its attempt count and first attempt are reset; the events keep the
 * history), and its server is trusted again on every node, since unavailability is stored.
 */
@Component
public class JdbcDeliveryAdmin implements DeliveryAdmin {
    private static final String SERVERS = "WITH counts AS (SELECT host, count(*) FILTER (WHERE state = 'pending') "
            + "AS pending, count(*) FILTER (WHERE state = 'failed') AS failed FROM federation.delivery "
            + "WHERE state IN ('pending', 'failed') GROUP BY host), "
            + "hosts AS (SELECT host FROM counts UNION SELECT host FROM federation.server "
            + "WHERE unavailable_since IS NOT NULL) "
            + "SELECT h.host, s.unavailable_since, s.last_success_at, s.last_failure_at, s.last_error, "
            + "(SELECT count(*) FROM federation.server_failure_day f WHERE f.host = h.host) AS failing_days, "
            + "COALESCE(c.pending, 0) AS pending, COALESCE(c.failed, 0) AS failed "
            + "FROM hosts h LEFT JOIN federation.server s ON s.host = h.host LEFT JOIN counts c ON c.host = h.host "
            + "ORDER BY h.host";

    private static final String FRESH = "state = 'pending', next_attempt_at = ?, attempts = 0, first_attempt_at = NULL, "
            + "lease_until = NULL, leased_by = NULL, settled_at = NULL";

    private final JdbcTemplate jdbc;
    private final HostGuards guards;
    private final ServerHealth health;
    private final Clock clock;
    private final DeliveryWakeUp wakeUp;
    private final NodeNudges nudges;

    public JdbcDeliveryAdmin(JdbcTemplate jdbc, HostGuards guards, ServerHealth health, Clock clock,
                             DeliveryWakeUp wakeUp, NodeNudges nudges) {
        this.jdbc = jdbc;
        this.guards = guards;
        this.health = health;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.nudges = nudges;
    }

    @Override
    public List<DeliveryServerView> servers(ServerFilter filter) {
        return jdbc.query(SERVERS, this::view).stream().filter(server -> matches(server, filter)).toList();
    }

    private static boolean matches(DeliveryServerView server, ServerFilter filter) {
        return switch (filter) {
            case ALL -> true;
            case UNAVAILABLE -> server.unavailableSince() != null;
            case FAILING -> server.failingDays() > 0 || server.failed() > 0 || !"closed".equals(server.circuit())
                    || (server.lastFailureAt() != null && (server.lastSuccessAt() == null
                    || server.lastFailureAt().isAfter(server.lastSuccessAt())));
        };
    }

    private DeliveryServerView view(ResultSet rs, int row) throws SQLException {
        String host = rs.getString("host");
        return new DeliveryServerView(host, rs.getTimestamp("unavailable_since") == null ? "available" : "unavailable",
                guards.circuit(host), rs.getInt("failing_days"), instant(rs, "unavailable_since"),
                instant(rs, "last_success_at"), instant(rs, "last_failure_at"), rs.getString("last_error"),
                rs.getLong("pending"), rs.getLong("failed"));
    }

    /** A post's Create or Update sent again after the copy's Delete would bring the post back. */
    private static final String NOT_RECALLED = "NOT " + RecalledCopies.carriesRecalledPost("federation.delivery");

    /** Being sent right now: reopening it would let a second node send it beside the first. */
    private static final String NOT_IN_FLIGHT = "(lease_until IS NULL OR lease_until < now())";

    @Override
    public Redelivery redeliver(String deliveryId) {
        List<String> hosts = jdbc.queryForList("UPDATE federation.delivery SET " + FRESH + " WHERE delivery_id = ? "
                + "AND state <> 'withdrawn' AND " + NOT_RECALLED + " AND " + NOT_IN_FLIGHT + " RETURNING host",
                String.class, ts(clock.now()), deliveryId);
        hosts.forEach(this::trustAgain);
        if (!hosts.isEmpty()) {
            return Redelivery.PENDING_AGAIN;
        }
        List<String> states = jdbc.queryForList("SELECT state FROM federation.delivery WHERE delivery_id = ?",
                String.class, deliveryId);
        if (states.isEmpty()) {
            return Redelivery.UNKNOWN;
        }
        if ("withdrawn".equals(states.get(0))) {
            return Redelivery.WITHDRAWN;
        }
        return isInFlight(deliveryId) ? Redelivery.IN_FLIGHT : Redelivery.RECALLED;
    }

    @Override
    public int redeliverServer(String host) {
        String normalized = host.toLowerCase(Locale.ROOT);
        int count = jdbc.update("UPDATE federation.delivery SET " + FRESH + " WHERE host = ? "
                + "AND state IN ('pending', 'failed') AND " + NOT_RECALLED + " AND " + NOT_IN_FLIGHT, ts(clock.now()),
                normalized);
        trustAgain(normalized);
        return count;
    }

    private boolean isInFlight(String deliveryId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT lease_until IS NOT NULL AND lease_until >= now() "
                + "FROM federation.delivery WHERE delivery_id = ?", Boolean.class, deliveryId));
    }

    private void trustAgain(String host) {
        health.markAvailable(host);
        guards.reset(host);
        nudges.nudgeEverywhere(wakeUp);
    }
}
