package dev.weft.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import org.junit.jupiter.api.Test;

/** A projection that cannot apply an event parks it, keeps going, and takes it back on retry. */
class DeadLetterIntegrationTest extends WeftIntegrationTest {

    @Test
    void aFailingEventIsParkedAndRetriedOnceTheCauseIsFixed() {
        jdbc.execute("ALTER TABLE audit.entry RENAME TO entry_away");
        Registered alice;
        try {
            alice = TestAccounts.registerSharing(api, "parked");
            String accountId = alice.id();
            // Other accounts' events may be parked too while the table is away; this one's matter.
            await("the audit projection parks the consent event", () -> jdbc.queryForObject("SELECT count(*) FROM "
                    + "dead_letter_entry WHERE processing_group = 'audit' AND sequence_identifier = ?", Long.class,
                    accountId) > 0 && jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE "
                    + "processing_group = 'audit' AND sequence_identifier = ? AND payload_type LIKE '%SharingTurnedOn%'",
                    Long.class, accountId) > 0);
        } finally {
            jdbc.execute("ALTER TABLE audit.entry_away RENAME TO entry");
        }
        Registered parked = alice;
        assertThat(api.post("/api/v1/admin/projections/audit/rebuild", OPERATOR_TOKEN, null).status()).isEqualTo(202);
        await("rebuild done", () -> "succeeded".equals(lastRebuild("audit")));
        assertThat(api.get(parked.path() + "/audit", parked.token()).body())
                .as("a rebuild leaves parked events out, as the live tables do").doesNotContain("consent_given");
        Response retried = api.post("/api/v1/admin/projections/audit/dead-letters/retry", OPERATOR_TOKEN, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("sequencesCleared").asInt()).isPositive();
        assertThat(deadLetters("audit")).isZero();
        String trail = api.get(alice.path() + "/audit", alice.token()).body();
        assertThat(trail.split("consent_given", -1)).as("the retried event is applied exactly once").hasSize(2);
    }

    private String lastRebuild(String name) {
        for (var status : api.get("/api/v1/admin/projections", OPERATOR_TOKEN).json()) {
            if (status.path("name").asString().equals(name)) {
                return status.path("lastRebuild").path("outcome").asString();
            }
        }
        return null;
    }

    private long deadLetters(String name) {
        for (var status : api.get("/api/v1/admin/projections", OPERATOR_TOKEN).json()) {
            if (status.path("name").asString().equals(name)) {
                return status.path("deadLetters").asLong();
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
