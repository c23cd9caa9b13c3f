package dev.weft.infrastructure.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A restored database gets back the erasures made after its backup was taken. */
class ErasureJournalTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anErasureLostWithTheDatabaseIsAppliedAgainAtStart() {
        ErasureJournal journal = Journals.inTempDir();
        String digest = "digest-" + UUID.randomUUID();
        TestDatabase.JDBC.update("INSERT INTO privacy.subject_key (key_id, subject_digest, nonce, wrapped_key, "
                + "created_at) VALUES (?, ?, '\\\\x00', '\\\\x00', now())", UUID.randomUUID().toString(), digest);
        journal.record(digest, AT);

        assertThat(journal.reapply()).as("the key the backup brought back").isEqualTo(1);
        assertThat(TestDatabase.JDBC.queryForObject("SELECT wrapped_key IS NULL AND erased_at IS NOT NULL FROM "
                + "privacy.subject_key WHERE subject_digest = ?", Boolean.class, digest)).isTrue();
        assertThat(journal.reapply()).as("nothing more to do").isZero();
    }

    @Test
    void aSubjectTheRestoredDatabaseNeverSawGetsATombstone() {
        ErasureJournal journal = Journals.inTempDir();
        String digest = "digest-" + UUID.randomUUID();
        journal.record(digest, AT);

        assertThat(journal.reapply()).isEqualTo(1);
        assertThat(TestDatabase.JDBC.queryForObject("SELECT count(*) FROM privacy.subject_key WHERE subject_digest = ? "
                + "AND erased_at IS NOT NULL", Long.class, digest)).isEqualTo(1);
    }
}
