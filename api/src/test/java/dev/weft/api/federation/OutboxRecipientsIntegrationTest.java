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
    void aWithdrawnCreateIsNeverSentAndARecipientOnlyIfItMayHaveBeen() {
        String accountId = TestAccounts.registerSharing(api, "withdrawn").id();
        String activityId = BASE_URL + "/posts/" + UUID.randomUUID() + "/activity";
        List<String> hosts = List.of("three.test", "four.test", "five.test", "six.test");
        outbox.enqueue(hosts.stream().map(h -> heldBack(accountId, activityId, "https://" + h + "/inbox", h)).toList());
        // four: tried once, waiting for its retry; five: being sent right now; six: leased by a
        // node that died before it said whether it sent it.
        jdbc.update("UPDATE federation.delivery SET attempts = 1 WHERE activity_id = ? AND host = 'four.test'",
                activityId);
        jdbc.update("UPDATE federation.delivery SET lease_until = now() + interval '1 minute', leased_by = 'n' "
                + "WHERE activity_id = ? AND host = 'five.test'", activityId);
        jdbc.update("UPDATE federation.delivery SET lease_until = now() - interval '1 minute', leased_by = 'dead' "
                + "WHERE activity_id = ? AND host = 'six.test'", activityId);

        assertThat(outbox.withdrawPending("copy-three.test")).isEqualTo(new DeliveryOutbox.Withdrawal(1, 1));
        assertThat(outbox.withdrawPending("copy-three.test").neverSent()).isFalse();
        assertThat(outbox.withdrawPending("copy-four.test")).isEqualTo(new DeliveryOutbox.Withdrawal(1, 0));
        assertThat(outbox.withdrawPending("copy-five.test")).as("in flight").isEqualTo(
                new DeliveryOutbox.Withdrawal(0, 0));
        assertThat(outbox.withdrawPending("copy-six.test")).isEqualTo(new DeliveryOutbox.Withdrawal(1, 0));
        assertThat(outbox.recipientsOf(activityId)).as("an attempt, or a lease, may have reached the server")
                .extracting(DeliveryRecipient::host).containsExactly("five.test", "four.test", "six.test");
        String withdrawnId = jdbc.queryForObject("SELECT delivery_id FROM federation.delivery WHERE activity_id = ? "
                + "AND host = 'three.test'", String.class, activityId);
        assertThat(api.post("/api/v1/admin/deliveries/" + withdrawnId + "/redeliver", OPERATOR_TOKEN, null).status())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT state FROM federation.delivery WHERE delivery_id = ?", String.class,
                withdrawnId)).as("an operator cannot send it after all").isEqualTo("withdrawn");
        jdbc.update("UPDATE federation.delivery SET state = 'failed' WHERE activity_id = ? AND state = 'pending'",
                activityId);
    }

    @Test
    void aCreateWhoseCopyWasRecalledIsNeverRedeliveredNorSentUpdates() {
        String accountId = TestAccounts.registerSharing(api, "recalled").id();
        String post = BASE_URL + "/posts/" + UUID.randomUUID();
        OutboundDelivery create = heldBack(accountId, post + "/activity", "https://seven.test/inbox", "seven.test");
        outbox.enqueue(List.of(create));
        jdbc.update("UPDATE federation.delivery SET state = 'failed', attempts = 3 WHERE delivery_id = ?",
                create.deliveryId());
        assertThat(outbox.recipientsNotRecalled(post + "/activity")).extracting(DeliveryRecipient::host)
                .containsExactly("seven.test");
        outbox.enqueue(List.of(new OutboundDelivery(UUID.randomUUID().toString(), accountId,
                DeliveryPurpose.POST_DELETE, post + "/delete", "{\"type\": \"Delete\"}", "https://seven.test/inbox",
                "seven.test", "copy-seven.test", Instant.now().plus(Duration.ofHours(1)))));

        var refused = api.post("/api/v1/admin/deliveries/" + create.deliveryId() + "/redeliver", OPERATOR_TOKEN, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("recalled by a Delete");
        api.post("/api/v1/admin/servers/seven.test/redeliver", OPERATOR_TOKEN, null);
        assertThat(jdbc.queryForObject("SELECT state FROM federation.delivery WHERE delivery_id = ?", String.class,
                create.deliveryId())).isEqualTo("failed");
        assertThat(outbox.recipientsNotRecalled(post + "/activity")).as("no Update goes there").isEmpty();
        assertThat(outbox.recipientsOf(post + "/activity")).as("but it is still who received it")
                .extracting(DeliveryRecipient::host).containsExactly("seven.test");
        jdbc.update("UPDATE federation.delivery SET state = 'failed' WHERE host = 'seven.test' AND state = 'pending'");
    }
}
