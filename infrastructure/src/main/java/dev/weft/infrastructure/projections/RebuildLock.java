package dev.weft.infrastructure.projections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock held on its own connection for a whole rebuild, so
 * only one node rebuilds a projection at a time. If that node dies, its connection drops
 * and the lock with it; no stale flag can block the next rebuild.
 */
final class RebuildLock implements AutoCloseable {
    private final Connection connection;
    private final String name;

    private RebuildLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** @return the held lock, or null when another session holds it */
    static RebuildLock tryAcquire(DataSource dataSource, String name) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            if (call(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                return new RebuildLock(connection, name);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return null;
    }

    @Override
    public void close() throws SQLException {
        try {
            call(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
        } finally {
            connection.close();
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
