package dev.weft.infrastructure.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real PostgreSQL for the infrastructure tests of a JVM, migrated as the engine
 * migrates it; stopped when the JVM ends. Tests use ids of their own and never assume it empty.
 */
public final class TestDatabase {
    private static final EmbeddedPostgres POSTGRES = started();
    public static final JdbcTemplate JDBC = new JdbcTemplate(POSTGRES.getPostgresDatabase());

    private TestDatabase() {
    }

    private static EmbeddedPostgres started() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
