package dev.weft.infrastructure.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.weft.infrastructure.config.WeftProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the database: the configured server, or else the embedded one under the data dir. */
@Configuration
public class DataSourceConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(WeftProperties properties) {
        if (properties.db().external()) {
            return new EmbeddedPostgresHolder(null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir().resolve("postgres"));
        LOG.info("Database: embedded PostgreSQL, data in {}", server.dataDirectory());
        return new EmbeddedPostgresHolder(server);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(WeftProperties properties, EmbeddedPostgresHolder embedded,
                                @Value("${weft.db.pool-size:40}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("weft");
        config.setMaximumPoolSize(poolSize);
        if (embedded.server() != null) {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
            LOG.info("Database: external PostgreSQL at {}", withoutParameters(properties.db().url()));
        }
        return new HikariDataSource(config);
    }

    /** Query parameters may carry a password; the log gets host, port and database only. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** Keeps the embedded server's lifetime tied to the context, closed after the pool. */
    public record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

}
