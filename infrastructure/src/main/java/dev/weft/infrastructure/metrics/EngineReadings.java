package dev.weft.infrastructure.metrics;

import dev.weft.application.projections.ProjectionAdmin;
import dev.weft.application.projections.ProjectionStatus;
import dev.weft.application.shared.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the engine's state for the gauges. A scrape asks every gauge in turn, and several
 * collectors may scrape every node, so one reading serves them all until it is maxAge old.
 */
@Component
public class EngineReadings {
    private final JdbcTemplate jdbc;
    private final ObjectProvider<ProjectionAdmin> projections;
    private final Clock clock;
    private final Duration maxAge;

    private EngineReading reading;
    private Instant readAt = Instant.EPOCH;

    public EngineReadings(JdbcTemplate jdbc, ObjectProvider<ProjectionAdmin> projections, Clock clock,
                          @Value("${weft.metrics.reading-max-age:5s}") Duration maxAge) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public synchronized EngineReading current() {
        Instant now = clock.now();
        if (reading == null || !now.isBefore(readAt.plus(maxAge))) {
            reading = read(now);
            readAt = now;
        }
        return reading;
    }

    private EngineReading read(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM federation.delivery WHERE state = 'pending') AS outbox_pending,
                       (SELECT min(next_attempt_at) FROM federation.delivery
                         WHERE state = 'pending' AND next_attempt_at <= ?) AS oldest_due,
                       (SELECT count(*) FROM federation.inbox_activity WHERE state = 'RECEIVED') AS inbox_waiting,
                       (SELECT min(received_at) FROM federation.inbox_activity
                         WHERE state = 'RECEIVED') AS oldest_received,
                       (SELECT count(*) FROM crossposting.job WHERE state = 'pending') AS crossposts_pending
                """, (rs, n) -> new EngineReading(rs.getLong("outbox_pending"),
                secondsSince(rs.getTimestamp("oldest_due"), now), rs.getLong("inbox_waiting"),
                secondsSince(rs.getTimestamp("oldest_received"), now), rs.getLong("crossposts_pending"),
                projectionsByName()), at);
    }

    private Map<String, ProjectionStatus> projectionsByName() {
        return projections.getObject().statuses().stream()
                .collect(Collectors.toMap(ProjectionStatus::name, Function.identity()));
    }

    private static double secondsSince(Timestamp since, Instant now) {
        if (since == null) {
            return 0;
        }
        return Math.max(0, Duration.between(since.toInstant(), now).toMillis() / 1000.0);
    }
}
