package dev.weft.api.ledger;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.PlatformFakes;
import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.api.support.federation.InboxSink;
import dev.weft.api.support.federation.InboxSink.Reply;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A scripted history over two fediverse servers, a third whose person likes a post, and a
 * Mastodon account: follows, posts, an edit, a new explanation and its acceptance, a server
 * that refuses deletions, sharing off (which rejects the followers) and on again, account
 * deletion. After
 * each step the holdings answer must match what the test itself expects; at the end each
 * of those answers is asked again as of its instant, and must come back the same.
 */
class HoldingsAsOfIntegrationTest extends WeftIntegrationTest {
    @Autowired
    private IncomingFollows follows;
    @Autowired
    private EventStore events;
    @Autowired
    private TransactionTemplate transactions;

    private final InboxSink serverA = new InboxSink("127.0.0.2", Reply.of(202));
    private final InboxSink serverB = new InboxSink("127.0.0.3", Reply.of(202));
    /** A server Weft never sends to; its person likes a post, so it holds it all the same. */
    private final RemoteActorServer likers = new RemoteActorServer();
    private final Map<String, Map<String, String>> expected = new TreeMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private Registered alice;

    /** What the holdings answered at one instant. */
    private record Snapshot(String step, Instant at, String consentInForce, JsonNode recipients) {
    }

    @AfterEach
    void close() {
        serverA.close();
        serverB.close();
        likers.close();
    }

    @Test
    void holdingsAsOfEachInstantAreTheAnswersGivenThen() {
        alice = TestAccounts.registerSharing(api, "ledger");
        String linkId = link();
        String mastodon = "mastodon:" + linkId;
        String a = serverA.hostName();
        String b = serverB.hostName();
        follow(serverA, "ann");
        follow(serverB, "bob");
        expect(a, "profile", "held r1");
        expect(b, "profile", "held r1");
        step("followers on two servers");

        String first = publish("first post");
        expect(a, first, "held r1");
        expect(b, first, "held r1");
        expect(mastodon, first, "held r1");
        step("a post reaches both servers and Mastodon");

        assertThat(api.patch("/api/v1/posts/" + first, alice.token(), body("text", "first post, edited")).status())
                .isEqualTo(204);
        expect(a, first, "held r2");
        expect(b, first, "held r2");
        step("the edit reaches both servers");

        like(first, "kim");
        expect("127.0.0.1", first, "held r2 engagement");
        step("someone on a third server likes the edited post");

        String second = publish("second post");
        expect(a, second, "held r1");
        expect(b, second, "held r1");
        expect(mastodon, second, "held r1");
        step("a second post");

        acceptedAnOlderExplanation();
        String withheld = publish("while the consent is outdated");
        expect(mastodon, withheld, "held r1");
        step("operators published a new explanation: the post goes to Mastodon, not to the fediverse");
        assertThat(holdings("").path("consentInForce").asString()).isEqualTo("2026-10");
        api.put(alice.path() + "/fediverse-sharing", alice.token(), body("consentVersion", "2026-11"));
        step("the current explanation accepted");

        serverB.answerFromNowOn(Reply.of(403));
        assertThat(api.delete("/api/v1/posts/" + first, alice.token()).status()).isEqualTo(204);
        expect(a, first, "gone r2 delivered");
        expect(b, first, "held r2 abandoned");
        expect(mastodon, first, "gone r1 delivered");
        expect("127.0.0.1", first, "gone r2 engagement delivered");
        step("the first post deleted; server B refuses the Delete");

        assertThat(api.delete(alice.path() + "/fediverse-sharing", alice.token()).status()).isEqualTo(204);
        expect(a, second, "gone r1 delivered");
        expect(b, second, "held r1 abandoned");
        expect(a, "profile", "gone r1 delivered");
        expect(b, "profile", "held r1 abandoned");
        step("sharing turned off: posts and profile recalled");

        api.put(alice.path() + "/fediverse-sharing", alice.token(), body("consentVersion", "2026-11"));
        String third = publish("third post");
        expect(mastodon, third, "held r1");
        step("sharing on again: turning it off rejected the followers, so only Mastodon gets the new post");

        assertThat(api.delete(alice.path(), alice.token()).status()).isEqualTo(204);
        expect(mastodon, second, "gone r1 delivered");
        expect(mastodon, third, "gone r1 delivered");
        expect(mastodon, withheld, "gone r1 delivered");
        step("the account deleted");

        for (Snapshot snapshot : snapshots) {
            JsonNode asOf = holdings("?asOf=" + snapshot.at());
            assertThat(asOf.path("recipients")).as("holdings as of the step '" + snapshot.step() + "'")
                    .isEqualTo(snapshot.recipients());
            assertThat(asOf.path("consentInForce").asString()).as("consent as of '" + snapshot.step() + "'")
                    .isEqualTo(snapshot.consentInForce());
        }
        assertThat(snapshots.get(0).recipients().toString()).doesNotContain(first);
    }

    private String link() {
        String unique = TestAccounts.uniqueHandle("l");
        PlatformFakes.MASTODON.seedAccount("ledger" + unique, "ledger-token-" + unique);
        Response linked = api.post(alice.path() + "/links", alice.token(), body("platform", "mastodon",
                "instanceUrl", PlatformFakes.MASTODON.baseUrl(), "accessToken", "ledger-token-" + unique,
                "crossPostByDefault", true));
        assertThat(linked.status()).isEqualTo(201);
        return linked.text("id");
    }

    /**
     * Where a new explanation leaves someone who accepted the one before: the engine runs
     * with one configuration, so the acceptance of the older one is appended as it would
     * have been recorded then.
     */
    private void acceptedAnOlderExplanation() {
        Long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE "
                + "aggregate_identifier = ?", Long.class, alice.id());
        transactions.executeWithoutResult(status -> events.publish(new GenericDomainEventMessage<>("Account",
                alice.id(), last + 1, new FediverseSharingTurnedOnEvent(alice.id(), "2026-10", Instant.now()))));
    }

    private void follow(InboxSink server, String name) {
        String actor = "http://" + server.host() + "/users/" + name;
        follows.receive(alice.id(), actor, server.inbox(), server.inbox(), actor + "#follow");
    }

    private void like(String postId, String name) {
        String postUrl = api.get("/api/v1/posts/" + postId, alice.token()).text("url");
        String like = "{\"id\": \"" + likers.origin() + "/likes/" + name + "\", \"type\": \"Like\", \"actor\": \""
                + likers.actor(name) + "\", \"object\": \"" + postUrl + "\"}";
        assertThat(likers.post(BASE_URL + "/inbox", like, name).statusCode()).isEqualTo(202);
    }

    private String publish(String text) {
        Response published = api.post(alice.path() + "/posts", alice.token(), body("text", text));
        assertThat(published.status()).isEqualTo(201);
        return published.text("id");
    }

    private void expect(String recipient, String item, String state) {
        expected.computeIfAbsent(recipient, r -> new TreeMap<>()).put(item, state);
    }

    /** Waits for the answer the test expects, lets stragglers land, then keeps the answer and its instant. */
    private void step(String name) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!actual(holdings("")).equals(expected) && System.currentTimeMillis() < deadline) {
            sleep();
        }
        sleep();
        JsonNode answer = holdings("");
        assertThat(actual(answer)).as(name).isEqualTo(expected);
        snapshots.add(new Snapshot(name, Instant.parse(answer.path("asOf").asString()),
                answer.path("consentInForce").asString(), answer.path("recipients")));
    }

    private JsonNode holdings(String query) {
        Response response = api.get(alice.path() + "/holdings" + query, AUDITOR_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Each recipient's items as "held|gone r<revision> [engagement] [deletion state]". */
    private static Map<String, Map<String, String>> actual(JsonNode holdings) {
        Map<String, Map<String, String>> actual = new TreeMap<>();
        for (JsonNode recipient : holdings.path("recipients")) {
            Map<String, String> items = new TreeMap<>();
            for (JsonNode item : recipient.path("items")) {
                String key = "profile".equals(item.path("itemType").asString()) ? "profile"
                        : item.path("itemId").asString();
                JsonNode deletion = item.path("deletion");
                String channel = item.path("channel").asString();
                items.put(key, (item.path("held").asBoolean() ? "held" : "gone") + " r" + item.path("revision").asInt()
                        + ("engagement".equals(channel) ? " engagement" : "")
                        + (deletion.isMissingNode() || deletion.isNull() ? "" : " " + deletion.path("state").asString()));
            }
            actual.put(recipient.path("recipient").asString(), items);
        }
        return actual;
    }

    private static void sleep() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
