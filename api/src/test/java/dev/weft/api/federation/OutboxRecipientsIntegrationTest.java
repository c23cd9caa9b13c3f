package dev.weft.api.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.delivery.DeliveryRecipient;
import dev.weft.application.federation.delivery.OutboundDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the outbox remembers of an activity: who it went to (the recipients a post's Update
 * and Delete follow), its text, and that a Create held back by the federation delay can be
 * rewritten by an edit only while nothing of it has been sent.
 */
class OutboxRecipientsIntegrationTest extends WeftIntegrationTest {
    @Autowired DeliveryOutbox outbox;

    private OutboundDelivery heldBack(String accountId, String activityId, String inbox, String host) {
        return new OutboundDelivery(UUID.randomUUID().toString(), accountId, DeliveryPurpose.POST_CREATE, activityId,
                "{\"id\": \"" + activityId + "\", \"type\": \"Create\", \"v\": 1}", inbox, host, "copy-" + host,
                Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void anActivityKnowsItsRecipientsAndIsRewrittenOnlyWhileUnsent() {
        String accountId = TestAccounts.registerSharing(api, "held").id();
        String activityId = BASE_URL + "/posts/" + UUID.randomUUID() + "/activity";
        outbox.enqueue(List.of(heldBack(accountId, activityId, "https://one.test/inbox", "one.test"),
                heldBack(accountId, activityId, "https://two.test/inbox", "two.test")));

        assertThat(outbox.recipientsOf(activityId)).extracting(DeliveryRecipient::host, DeliveryRecipient::copyId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("one.test", "copy-one.test"),
                        org.assertj.core.groups.Tuple.tuple("two.test", "copy-two.test"));

        String edited = "{\"id\": \"" + activityId + "\", \"type\": \"Create\", \"v\": 2}";
        assertThat(outbox.replaceUnsent(activityId, edited)).isEqualTo(2);
        assertThat(outbox.enqueuedActivity(activityId)).contains(edited);

        jdbc.update("UPDATE federation.delivery SET attempts = 1 WHERE activity_id = ? AND host = 'one.test'",
                activityId);
        assertThat(outbox.replaceUnsent(activityId, edited.replace("2", "3"))).as("one was already tried")
                .isZero();
        assertThat(outbox.enqueuedActivity(activityId)).contains(edited);
        assertThat(outbox.recipientsOf(BASE_URL + "/never-sent")).isEmpty();
    }

    @Test
    void aWithdrawnCreateIsNeverSentAndARecipientOnlyIfItWasTried() {
        String accountId = TestAccounts.registerSharing(api, "withdrawn").id();
        String activityId = BASE_URL + "/posts/" + UUID.randomUUID() + "/activity";
        outbox.enqueue(List.of(heldBack(accountId, activityId, "https://three.test/inbox", "three.test"),
                heldBack(accountId, activityId, "https://four.test/inbox", "four.test"),
                heldBack(accountId, activityId, "https://five.test/inbox", "five.test")));
        // four.test: tried once and failed, waiting for its retry; five.test: being sent right now.
        jdbc.update("UPDATE federation.delivery SET attempts = 1 WHERE activity_id = ? AND host = 'four.test'",
                activityId);
        jdbc.update("UPDATE federation.delivery SET lease_until = now() + interval '1 minute', leased_by = 'n' "
                + "WHERE activity_id = ? AND host = 'five.test'", activityId);

        assertThat(outbox.withdrawPending(activityId, "three.test")).isEqualTo(new DeliveryOutbox.Withdrawal(1, 1));
        assertThat(outbox.withdrawPending(activityId, "four.test")).isEqualTo(new DeliveryOutbox.Withdrawal(1, 0));
        assertThat(outbox.withdrawPending(activityId, "five.test")).as("in flight").isEqualTo(
                new DeliveryOutbox.Withdrawal(0, 0));
        assertThat(outbox.recipientsOf(activityId)).as("a failed attempt may still have arrived")
                .extracting(DeliveryRecipient::host).containsExactly("five.test", "four.test");
        assertThat(jdbc.queryForList("SELECT host FROM federation.delivery WHERE activity_id = ? AND state = "
                + "'withdrawn' ORDER BY host", String.class, activityId)).containsExactly("four.test", "three.test");
        String withdrawnId = jdbc.queryForObject("SELECT delivery_id FROM federation.delivery WHERE activity_id = ? "
                + "AND host = 'three.test'", String.class, activityId);
        api.post("/api/v1/admin/deliveries/" + withdrawnId + "/redeliver", OPERATOR_TOKEN, null);
        assertThat(jdbc.queryForObject("SELECT state FROM federation.delivery WHERE delivery_id = ?", String.class,
                withdrawnId)).as("an operator cannot send it after all").isEqualTo("withdrawn");
        jdbc.update("UPDATE federation.delivery SET state = 'failed' WHERE activity_id = ? AND state = 'pending'",
                activityId);
    }
}
