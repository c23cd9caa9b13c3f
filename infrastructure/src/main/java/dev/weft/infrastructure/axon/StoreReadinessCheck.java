package dev.weft.infrastructure.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import dev.weft.infrastructure.privacy.SealingSerializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to run on a store that would quietly lose or corrupt data: each of the three
 * Boot 4 traps in STACK.md starts the engine without error, and only this check notices.
 * It runs once every bean exists and before anything starts: no processor has read an
 * event and the web server has not opened its port.
 */
@Component
public class StoreReadinessCheck implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(StoreReadinessCheck.class);
    private final Configuration axon;
    private final JdbcTemplate jdbc;

    public StoreReadinessCheck(Configuration axon, JdbcTemplate jdbc) {
        this.axon = axon;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        require(axon.getComponent(EventStorageEngine.class) instanceof JdbcEventStorageEngine,
                "the event store is not Axon's JDBC storage engine; events would not reach PostgreSQL");
        require(axon.getComponent(TransactionManager.class) instanceof SpringTransactionManager,
                "Axon is not using Spring's transaction manager; projection rows and tokens would not commit together");
        require(axon.eventSerializer() instanceof SealingSerializer sealing
                        && sealing.delegate() instanceof Jackson3Serializer
                        && axon.serializer() instanceof Jackson3Serializer,
                "Axon's serializers are not Jackson 3 with personal data sealed; set "
                        + "axon.serializer.general/events/messages=jackson3 and keep PrivacyConfiguration");
        requireTable("domain_event_entry");
        requireTable("token_entry");
        requireTable("snapshot_event_entry");
        requireTable("dead_letter_entry");
        String version = jdbc.queryForObject("SHOW server_version", String.class);
        LOG.info("Event store ready: PostgreSQL {}, JDBC engine, Spring transactions, Jackson 3, personal data sealed",
                version);
    }

    private void requireTable(String table) {
        Boolean present = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table);
        require(Boolean.TRUE.equals(present), "table " + table + " is missing; Flyway migrations did not run");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("Weft cannot start: " + problem);
        }
    }

}
