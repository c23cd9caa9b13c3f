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
            await("the audit projection parks the consent event", () -> deadLetters("audit") > 0);
        } finally {
            jdbc.execute("ALTER TABLE audit.entry_away RENAME TO entry");
        }
        Response retried = api.post("/api/v1/admin/projections/audit/dead-letters/retry", OPERATOR_TOKEN, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("sequencesCleared").asInt()).isPositive();
        assertThat(deadLetters("audit")).isZero();
        assertThat(api.get(alice.path() + "/audit", alice.token()).body()).contains("consent_given");
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
