package dev.weft.infrastructure.projections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import dev.weft.domain.shared.ConflictException;
import javax.sql.DataSource;

/**
 * PostgreSQL session advisory locks, one per projection, held on its own connection for a whole rebuild, so
 * only one node rebuilds a projection at a time. If that node dies, its connection drops
 * and the lock with it; no stale flag can block the next rebuild.
 */
final class RebuildLock implements AutoCloseable {
    private final Connection connection;
    private final List<String> names;

    private RebuildLock(Connection connection, List<String> names) {
        this.connection = connection;
        this.names = names;
    }

    /**
     * Takes the locks of all the named projections on one connection, or none of them.
     *
     * @throws ConflictException naming the first projection another session holds
     */
    static RebuildLock acquire(DataSource dataSource, List<String> names) throws SQLException {
        Connection connection = dataSource.getConnection();
        List<String> taken = new ArrayList<>();
        try {
            connection.setAutoCommit(true);
            for (String name : names) {
                if (!call(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                    throw new ConflictException("name", "projection '" + name + "' is already rebuilding");
                }
                taken.add(name);
            }
            return new RebuildLock(connection, List.copyOf(names));
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                unlock(connection, taken);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try (connection) {
            unlock(connection, names);
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the rebuild locks of " + names, e);
        }
    }

    private static void unlock(Connection connection, List<String> names) throws SQLException {
        for (String name : names) {
            call(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
        }
    }

    private static boolean call(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "weft-rebuild:" + name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
