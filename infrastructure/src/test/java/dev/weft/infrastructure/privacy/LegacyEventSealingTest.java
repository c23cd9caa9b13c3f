package dev.weft.infrastructure.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.accounts.AccountPersonalData;
import dev.weft.domain.accounts.AccountRegisteredEvent;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.links.EncryptionKey;
import dev.weft.infrastructure.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events stored in clear before sealing existed are sealed in place, once, and read as before. */
class LegacyEventSealingTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Jackson3Serializer JACKSON = Jackson3Serializer.builder().build();

    @Test
    void eventsStoredInClearAreSealedInPlaceAndReadTheSame() {
        EncryptionKey master = key();
        SubjectKeys keys = new SubjectKeys(TestDatabase.JDBC, master, new KeyedDigest(master), Journals.inTempDir());
        SealingSerializer serializer = new SealingSerializer(JACKSON, new PersonalDataSeal(keys,
                JACKSON.getObjectMapper()));
        String accountId = UUID.randomUUID().toString();
        AccountRegisteredEvent registered = new AccountRegisteredEvent(accountId, true, "NZ", "h", AT,
                new AccountPersonalData("plainold" + accountId.substring(0, 6), "Old Name", LocalDate.parse("1970-01-01")));
        long personal = insert(accountId, 0, registered);
        long impersonal = insert(accountId, 1, new AccountDeletedEvent(accountId, AT));
        byte[] untouched = payload(impersonal);

        LegacyEventSealing sealing = new LegacyEventSealing(TestDatabase.JDBC, serializer,
                new TransactionTemplate(new DataSourceTransactionManager(TestDatabase.JDBC.getDataSource())));
        assertThat(sealing.sealAll()).isGreaterThanOrEqualTo(1);

        String sealed = new String(payload(personal), StandardCharsets.UTF_8);
        assertThat(sealed).contains("$sealed").doesNotContain("plainold").doesNotContain("Old Name");
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(payload(personal), byte[].class,
                AccountRegisteredEvent.class.getName(), null))).isEqualTo(registered);
        assertThat(payload(impersonal)).as("nothing personal, nothing rewritten").isEqualTo(untouched);
        assertThat(sealing.sealAll()).as("once").isZero();
    }

    private static long insert(String accountId, int sequence, Object event) {
        byte[] payload = JACKSON.serialize(event, byte[].class).getData();
        return TestDatabase.JDBC.queryForObject("INSERT INTO domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                + "VALUES (?, ?, ?, 'Account', ?, ?, ?, ?) RETURNING global_index", Long.class,
                UUID.randomUUID().toString(), accountId, sequence, AT.toString(), event.getClass().getName(), payload,
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] payload(long globalIndex) {
        return TestDatabase.JDBC.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, globalIndex);
    }

    private static EncryptionKey key() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return new EncryptionKey(new WeftProperties(null, null, null, null,
                new WeftProperties.Security(null, null, Base64.getEncoder().encodeToString(raw)), null, null));
    }
}
