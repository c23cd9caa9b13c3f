package dev.weft.infrastructure.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries the work signals between the nodes that share one PostgreSQL, through its
 * LISTEN/NOTIFY: work queued on one node wakes the pollers of all, so a fan-out spreads
 * over every node at once instead of waiting for their next poll. A notification sent in a
 * transaction is delivered at its commit and never after a rollback, the same promise the
 * local nudge keeps. Notifications are a hint, not a queue: one lost while a node
 * reconnects costs it one poll interval, because the poll still finds the rows.
 */
@Component
public class NodeNudges implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(NodeNudges.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, WorkSignal> signals;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public NodeNudges(DataSource dataSource, List<WorkSignal> signals) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.signals = signals.stream().collect(Collectors.toMap(WorkSignal::channel, Function.identity()));
    }

    /** As above, telling operators whether this node hears the others (0 means it waits for its polls). */
    @Autowired
    public NodeNudges(DataSource dataSource, List<WorkSignal> signals, MeterRegistry meters) {
        this(dataSource, signals);
        Gauge.builder("weft.node.nudges.listening", this, nudges -> nudges.listening ? 1 : 0)
                .description("1 while this node listens for work queued by other nodes, 0 while it reconnects")
                .register(meters);
    }

    public boolean isListening() {
        return listening;
    }

    /** Nudges this node's workers and, once the current transaction commits, every other node's. */
    public void nudgeEverywhere(WorkSignal signal) {
        jdbc.query("SELECT pg_notify(?, '')", rs -> null, signal.channel());
        signal.nudge();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "weft-node-nudges");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                subscribe(connection);
                listening = true;
                relay(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warn("Listening for other nodes' work failed, trying again in {}: {}", RECONNECT_PAUSE,
                            e.toString());
                    Pause.before(RECONNECT_PAUSE);
                }
            }
        }
        listening = false;
    }

    private void subscribe(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String channel : signals.keySet()) {
                statement.execute("LISTEN " + channel);
            }
        }
    }

    private void relay(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] arrived = connection.getNotifications((int) WAIT.toMillis());
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    WorkSignal signal = signals.get(notification.getName());
                    if (signal != null) {
                        signal.wakeFromElsewhere();
                    }
                }
            }
        }
    }

}
