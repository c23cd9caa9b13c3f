package dev.weft.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database written before the deletion events moved still reads every one of them afterwards. */
class DeletionEventsRenameMigrationTest {
    private static final Jackson3Serializer JACKSON = Jackson3Serializer.builder().build();
    private static final String OLD_NAME = "dev.weft.domain.deletion.RemoteDeletionRequestedEvent";

    @Test
    void eventsStoredUnderTheOldPackageAreRenamedAndReadAsBefore() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            migrate(postgres, "19");
            RemoteDeletionRequestedEvent requested = new RemoteDeletionRequestedEvent("copy-1", "post-1", "acc-1",
                    Destination.server("remote.example"), DeletionReason.POST_DELETED,
                    Instant.parse("2026-12-01T10:00:00Z"));
            byte[] payload = JACKSON.serialize(requested, byte[].class).getData();
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                    + "time_stamp, payload_type, payload, meta_data) VALUES (?, 'copy-1', 0, 'PostCopy', ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), "2026-12-01T10:00:00Z", OLD_NAME, payload,
                    "{}".getBytes(StandardCharsets.UTF_8));

            migrate(postgres, "20");

            String type = jdbc.queryForObject("SELECT payload_type FROM domain_event_entry", String.class);
            assertThat(type).isEqualTo(RemoteDeletionRequestedEvent.class.getName());
            byte[] stored = jdbc.queryForObject("SELECT payload FROM domain_event_entry", byte[].class);
            assertThat((Object) JACKSON.deserialize(new SimpleSerializedObject<>(stored, byte[].class, type, null)))
                    .isEqualTo(requested);
        }
    }

    private static void migrate(EmbeddedPostgres postgres, String target) {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion(target)).load().migrate();
    }
}
