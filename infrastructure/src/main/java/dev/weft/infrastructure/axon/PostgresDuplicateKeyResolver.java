package dev.weft.infrastructure.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append hit the unique (aggregate, sequence) key: another node or
 * thread wrote to the aggregate first. Axon's JDBC resolver looks only for
 * SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws;
 * PostgreSQL reports SQLState 23505 instead.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
