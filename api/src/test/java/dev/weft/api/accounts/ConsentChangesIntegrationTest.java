package dev.weft.api.accounts;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.api.support.federation.InboxSink;
import dev.weft.api.support.federation.InboxSink.Reply;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.domain.accounts.AccountPersonalData;
import dev.weft.domain.accounts.AccountProfileUpdatedEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import dev.weft.infrastructure.sharing.EligibilityReview;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators change the rules under people who already share. The engine runs with one
 * configuration, so the test puts the account where a change would leave it: on an older
 * explanation than the current "2026-11", or in a country no longer on the list, by
 * appending the event that put it there, as it would have been recorded before the change.
 */
class ConsentChangesIntegrationTest extends WeftIntegrationTest {
    @Autowired
    private IncomingFollows follows;
    @Autowired
    private EventStore events;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private EligibilityReview review;

    private final InboxSink server = new InboxSink("127.0.0.5", Reply.of(202));
    private Registered alice;

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void onAnOldExplanationFollowersStayButNewPostsWaitForTheCurrentOne() {
        aliceSharingWithAFollower();
        append(new FediverseSharingTurnedOnEvent(alice.id(), "2026-10", Instant.now()));
        var account = api.get(alice.path(), alice.token()).json();
        assertThat(account.path("reconsentNeeded").asBoolean()).isTrue();
        assertThat(account.path("consentVersion").asString()).isEqualTo("2026-10");
        assertThat(account.path("currentConsentVersion").asString()).isEqualTo("2026-11");
        assertThat(api.get(alice.path() + "/fediverse-sharing", alice.token()).json().path("reconsentNeeded")
                .asBoolean()).isTrue();

        assertProblem(api.post(alice.path() + "/posts", alice.token(), body("text", "shared?", "shareToFediverse",
                true)), 422, "shareToFediverse");
        String withheld = api.post(alice.path() + "/posts", alice.token(), body("text", "held back")).text("id");
        await("the post's status", () -> api.get("/api/v1/posts/" + withheld + "/status", alice.token())
                .status() == 200);
        var fediverse = api.get("/api/v1/posts/" + withheld + "/status", alice.token()).json().path("fediverse");
        assertThat(fediverse.path("shared").asBoolean()).isFalse();
        assertThat(fediverse.path("withheld").asString()).isEqualTo("consent_outdated");
        assertThat(api.get(alice.path() + "/followers", alice.token()).json().path("count").asLong())
                .as("followers are kept").isEqualTo(1);

        assertThat(api.put(alice.path() + "/fediverse-sharing", alice.token(), body("consentVersion", "2026-11"))
                .status()).isEqualTo(200);
        assertThat(api.get(alice.path() + "/fediverse-sharing", alice.token()).json().path("reconsentNeeded")
                .asBoolean()).isFalse();
        api.post(alice.path() + "/posts", alice.token(), body("text", "shared again"));
        await("only the post after re-consent reaches the follower's server", () -> creates() == 1);
        assertThat(server.received().stream().filter(r -> r.body().contains("\"Create\""))
                .allMatch(r -> r.body().contains("shared again"))).isTrue();
    }

    @Test
    void aCountryTakenOffTheListEndsSharingAtOnceWithTheDeletes() {
        aliceSharingWithAFollower();
        String postId = api.post(alice.path() + "/posts", alice.token(), body("text", "before the change")).text("id");
        await("the post reaches the follower's server", () -> creates() == 1);
        append(new AccountProfileUpdatedEvent(alice.id(), true, "IT", Instant.now(),
                new AccountPersonalData(alice.handle(), "Test consent", LocalDate.parse("1990-04-01"))));
        jdbc.update("DELETE FROM privacy.applied_eligibility");

        review.reviewNow();

        assertThat(api.get(alice.path() + "/fediverse-sharing", alice.token()).json().path("shared").asBoolean())
                .isFalse();
        await("the post's Delete reaches the follower's server", () -> server.received().stream()
                .anyMatch(r -> r.body().contains("\"Delete\"") && r.body().contains(postId)));
        assertThat(jdbc.queryForList("SELECT countries FROM privacy.applied_eligibility", String.class))
                .containsExactly("BR,CA,DE,FR,GB,JP,NZ,US");
    }

    private void aliceSharingWithAFollower() {
        alice = TestAccounts.register(api, "consent", true, "NZ", "1990-04-01");
        api.put(alice.path() + "/fediverse-sharing", alice.token(), body("consentVersion", "2026-11"));
        String actor = "http://" + server.host() + "/users/ann";
        follows.receive(alice.id(), actor, server.inbox(), server.inbox(), actor + "#follow");
        await("the follower", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 1);
    }

    private long creates() {
        return server.received().stream().filter(r -> r.body().contains("\"Create\"")).count();
    }

    /** The next event of the account's own stream, as its aggregate would have appended it. */
    private void append(Object event) {
        Long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE "
                + "aggregate_identifier = ?", Long.class, alice.id());
        transactions.executeWithoutResult(status -> events.publish(new GenericDomainEventMessage<>("Account",
                alice.id(), last + 1, event)));
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
    }
}
