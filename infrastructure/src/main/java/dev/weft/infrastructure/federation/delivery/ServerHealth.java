package dev.weft.infrastructure.federation.delivery;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.federation.delivery.ServerAvailability;
import dev.weft.infrastructure.config.WeftProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers, per remote server, the days its deliveries failed and whether it is deemed
 * unavailable. Successes are the common case and are written at most every half minute
 * per host and node, unless this node saw the host fail since: the fan-out path stays at
 * one statement per delivery.
 */
@Component
public class ServerHealth implements ServerAvailability {
    private static final Duration SUCCESS_WRITE_INTERVAL = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final int unavailableAfterDays;
    private final Map<String, Instant> successWritten = new ConcurrentHashMap<>();
    private final Map<String, Instant> heardWritten = new ConcurrentHashMap<>();
    private final Set<String> failureDaysWritten = ConcurrentHashMap.newKeySet();
    private final Set<String> failedSinceSuccess = ConcurrentHashMap.newKeySet();

    public ServerHealth(JdbcTemplate jdbc, WeftProperties properties) {
        this.jdbc = jdbc;
        this.unavailableAfterDays = properties.federation().delivery().unavailableAfterDays();
    }

    public void succeeded(String host, Instant at) {
        Instant written = successWritten.get(host);
        if (!failedSinceSuccess.contains(host) && written != null
                && written.plus(SUCCESS_WRITE_INTERVAL).isAfter(at)) {
            return;
        }
        jdbc.update("WITH cleared AS (DELETE FROM federation.server_failure_day WHERE host = ?) "
                + "INSERT INTO federation.server (host, last_success_at) VALUES (?, ?) ON CONFLICT (host) DO UPDATE "
                + "SET last_success_at = EXCLUDED.last_success_at, unavailable_since = NULL", host, host, ts(at));
        successWritten.put(host, at);
        failedSinceSuccess.remove(host);
        failureDaysWritten.removeIf(key -> key.startsWith(host + "\u0000"));
    }

    /** Records the failure and its UTC day; marks the host unavailable once enough days failed. */
    public void failed(String host, String error, Instant at) {
        failedSinceSuccess.add(host);
        jdbc.update("INSERT INTO federation.server (host, last_failure_at, last_error) VALUES (?, ?, ?) "
                + "ON CONFLICT (host) DO UPDATE SET last_failure_at = EXCLUDED.last_failure_at, "
                + "last_error = EXCLUDED.last_error", host, ts(at), error);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (failureDaysWritten.add(host + "\u0000" + day)) {
            jdbc.update("INSERT INTO federation.server_failure_day (host, day) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    host, day);
            jdbc.update("UPDATE federation.server SET unavailable_since = ? WHERE host = ? "
                    + "AND unavailable_since IS NULL "
                    + "AND (SELECT count(*) FROM federation.server_failure_day f WHERE f.host = ?) >= ?",
                    ts(at), host, host, unavailableAfterDays);
        }
    }

    @Override
    /**
     * Called for every activity a server sends, so it writes at most once per interval and
     * host on this node, unless a delivery there failed since: a busy peer costs no write per
     * request, and a server that comes back is available again within the interval.
     */
    public void heardFrom(String host) {
        String key = host.toLowerCase();
        Instant now = Instant.now();
        Instant written = heardWritten.get(key);
        if (!failedSinceSuccess.contains(key) && written != null && written.plus(SUCCESS_WRITE_INTERVAL).isAfter(now)) {
            return;
        }
        markAvailable(key);
        heardWritten.put(key, now);
    }

    public void markAvailable(String host) {
        failedSinceSuccess.remove(host);
        jdbc.update("WITH cleared AS (DELETE FROM federation.server_failure_day WHERE host = ?) "
                + "UPDATE federation.server SET unavailable_since = NULL WHERE host = ? "
                + "AND unavailable_since IS NOT NULL", host, host);
        failureDaysWritten.removeIf(key -> key.startsWith(host + "\u0000"));
    }

    /** The host refused RFC 9421 and took draft-cavage: sign for it with draft-cavage from now on. */
    public void rememberCavageOnly(String host) {
        jdbc.update("INSERT INTO federation.server (host, signature_scheme) VALUES (?, 'draft-cavage') "
                + "ON CONFLICT (host) DO UPDATE SET signature_scheme = 'draft-cavage'", host);
    }
}
