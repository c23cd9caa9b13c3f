package dev.weft.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.DatabaseScan;
import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.infrastructure.federation.erasure.DeletedAccountEraser;
import dev.weft.application.accounts.AccountCommands;
import dev.weft.application.accounts.NewAccount;
import dev.weft.application.accounts.ProfileChanges;
import dev.weft.application.deletion.DeletionRequests;
import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.graph.BlockCommands;
import dev.weft.application.graph.FollowingCommands;
import dev.weft.application.graph.IncomingFollows;
import dev.weft.application.links.LinkCommands;
import dev.weft.application.links.NewLink;
import dev.weft.application.posts.NewPost;
import dev.weft.application.posts.PostChanges;
import dev.weft.application.posts.PostCommands;
import dev.weft.application.sharing.SharingCommands;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.application.timelines.RemotePosts;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.RecordCopyDeliveriesCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild replays every event and must end with tables identical to the ones it
 * replaced, over thousands of events of every kind, also while writes keep arriving.
 */
class ProjectionRebuildIntegrationTest extends WeftIntegrationTest {
    private static final List<String> PROJECTIONS = List.copyOf(DatabaseScan.PROJECTION_SCHEMAS.keySet());
    private static final Map<String, String> SCHEMAS = DatabaseScan.PROJECTION_SCHEMAS;

    @Autowired AccountCommands accounts;
    @Autowired LinkCommands links;
    @Autowired SharingCommands sharing;
    @Autowired PostCommands posts;
    @Autowired IncomingFollows incomingFollows;
    @Autowired FollowingCommands following;
    @Autowired BlockCommands blocks;
    @Autowired EngagementRecorder engagement;
    @Autowired RemotePosts remotePosts;
    @Autowired DeletionRequests deletions;
    @Autowired CommandSender commands;
    @Autowired Clock clock;
    @Autowired DeletedAccountEraser eraser;

    @Test
    void aRebuildReproducesEveryProjectionExactly() throws Exception {
        long before = eventCount();
        for (int account = 0; account < 15; account++) {
            generateHistory(account);
        }
        awaitStillAndCaughtUp();
        assertThat(eventCount() - before).as("events generated").isGreaterThan(3000);
        Map<String, List<String>> original = dumpAll();
        assertThat(original.get("sharing-status")).isNotEmpty();
        List<String> schemaBefore = indexesAndPersistence();

        for (String name : PROJECTIONS) {
            rebuildAndWait(name);
        }
        assertSameProjections(dumpAll(), original);

        rebuildAllAndWait();
        assertSameProjections(dumpAll(), original);
        assertThat(indexesAndPersistence()).as("every index under its own name, every table logged")
                .isEqualTo(schemaBefore);
    }

    private List<String> indexesAndPersistence() {
        List<String> schemas = List.copyOf(SCHEMAS.values());
        String in = String.join(", ", schemas.stream().map(schema -> "'" + schema + "'").toList());
        List<String> facts = new ArrayList<>(jdbc.queryForList("SELECT indexname || ': ' || indexdef FROM pg_indexes "
                + "WHERE schemaname IN (" + in + ") ORDER BY 1", String.class));
        facts.addAll(jdbc.queryForList("SELECT n.nspname || '.' || c.relname || ' ' || c.relpersistence::text FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN (" + in + ") AND c.relkind IN "
                + "('r', 'i') ORDER BY 1", String.class));
        facts.addAll(jdbc.queryForList("SELECT conname || ': ' || pg_get_constraintdef(c.oid) FROM pg_constraint c "
                + "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname IN (" + in + ") ORDER BY 1",
                String.class));
        assertThat(facts).anyMatch(fact -> fact.endsWith(" p"));
        return facts;
    }

    @Test
    void aRebuildUnderConcurrentWritesMatchesAQuietRebuild() throws Exception {
        generateHistory(100);
        awaitCaughtUp();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int i = 0;
            while (writing.get()) {
                generateSmallBurst(200 + i++);
            }
        });
        writer.start();
        Thread.sleep(300);
        rebuildAndWait("sharing-status");
        rebuildAndWait("audit");
        rebuildAllAndWait();
        writing.set(false);
        writer.join();
        awaitStillAndCaughtUp();
        Map<String, List<String>> afterBusyRebuild = dumpAll();
        rebuildAndWait("sharing-status");
        rebuildAndWait("audit");
        assertSameProjections(dumpAll(), afterBusyRebuild);
    }

    @Test
    void onlyOperatorsRebuildAndUnknownProjectionsAreNotFound() {
        assertThat(api.post("/api/v1/admin/projections/timelines/rebuild", AUDITOR_TOKEN, null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/rebuild", AUDITOR_TOKEN, null).status()).isEqualTo(403);
        Response unknown = api.post("/api/v1/admin/projections/nope/rebuild", OPERATOR_TOKEN, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("field")).isEqualTo("name");
        Response listed = api.get("/api/v1/admin/projections", OPERATOR_TOKEN);
        assertThat(listed.json().size()).isEqualTo(PROJECTIONS.size());
        assertThat(listed.json().get(0).path("state").asString()).isEqualTo("live");
        assertThat(listed.json().get(0).path("deadLetters").asLong()).isZero();
        Response retried = api.post("/api/v1/admin/projections/audit/dead-letters/retry", OPERATOR_TOKEN, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("sequencesCleared").asInt()).isZero();
        assertThat(api.post("/api/v1/admin/projections/audit/dead-letters/retry", AUDITOR_TOKEN, null).status())
                .isEqualTo(403);
    }

    private void generateHistory(int n) {
        String accountId = accounts.register(new NewAccount("rb" + n + "_" + System.nanoTime() % 100000,
                "Rebuild " + n, true, "US", java.time.LocalDate.parse("1985-03-0" + (1 + n % 9)))).id();
        String token = "rebuild-token-" + n + "-" + System.nanoTime();
        PlatformFakes.MASTODON.seedAccount("user" + n, token);
        String linkId = links.link(accountId, new NewLink("mastodon", null, PlatformFakes.MASTODON.baseUrl(), token,
                null, null, n % 2 == 0, n % 2 == 0 ? "truncate" : null)).linkId();
        sharing.turnOn(accountId, "2026-11");
        List<String> actors = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            String actor = "https://s" + (f % 3) + ".example/users/a" + n + "_" + f;
            actors.add(actor);
            incomingFollows.receive(accountId, actor, actor + "/inbox", "https://s" + (f % 3) + ".example/inbox",
                    actor + "/follow");
        }
        String followed = "https://far.example/users/f" + n;
        following.follow(accountId, followed, followed + "/inbox");
        following.recordAccepted(accountId, followed);
        awaitFollowers(accountId, 6);
        List<String> postIds = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String postId = posts.publish(accountId, new NewPost("post " + p + " of " + n, p % 5 == 0 ? "cw" : null,
                    "en", p % 7 == 0 ? "followers-only" : "public", p % 3 == 0 ? List.of(linkId) : null, null)).id();
            postIds.add(postId);
            engagement.like(postId, actors.get(p % 6), actors.get(p % 6) + "/like/" + p);
            if (p % 2 == 0) {
                engagement.reply(postId, actors.get((p + 1) % 6), actors.get((p + 1) % 6) + "/note/" + p, "re " + p);
            }
            if (p % 7 != 0 && p % 4 == 0) {
                engagement.repost(postId, actors.get((p + 2) % 6), actors.get((p + 2) % 6) + "/announce/" + p);
            }
            remotePosts.receive(followed + "/notes/" + p, followed, "remote " + p, null, followed + "/notes/" + p,
                    Instant.now());
        }
        awaitCopies(postIds.get(postIds.size() - 1));
        for (int p = 0; p < 20; p += 4) {
            posts.edit(accountId, postIds.get(p), new PostChanges("edited " + p, null, null));
            Destination s0 = Destination.server("s0.example");
            commands.send(new RecordCopyDeliveriesCommand(DeliveryReport.idOf(postIds.get(p), List.of("rebuild-" + n)),
                    postIds.get(p), accountId, List.of(new CopyDeliveryAttempt(CopyIds.of(postIds.get(p), s0), s0, 1,
                    p % 8 == 0 ? DeliveryOutcome.DELIVERED : DeliveryOutcome.RETRY_SCHEDULED, p % 8 == 0 ? 202 : 503,
                    p % 8 == 0 ? null : "unavailable", clock.now().plusSeconds(60), clock.now(),
                    "https://s0.example/inbox"))));
            engagement.unlike(postIds.get(p), actors.get(p % 6), actors.get(p % 6) + "/like/" + p);
        }
        posts.delete(accountId, postIds.get(1));
        deletions.request(postIds.get(2), "s1.example");
        await("post 3's copy to the link", () -> jdbc.queryForObject("SELECT count(*) FROM sharing_status.copy "
                + "WHERE post_id = ? AND destination = ?", Long.class, postIds.get(3), linkId) == 1);
        deletions.request(postIds.get(3), null);
        blocks.blockActor(accountId, actors.get(5));
        blocks.blockDomain(accountId, "s2.example");
        remotePosts.delete(followed + "/notes/3", followed);
        if (n % 3 == 0) {
            sharing.turnOff(accountId);
        }
        if (n % 4 == 1) {
            accounts.updateProfile(accountId, new ProfileChanges(null, false, null, null));
        }
        if (n % 5 == 2) {
            accounts.delete(accountId);
        }
        awaitDeletionOutcomes(postIds.get(3), linkId);
        if (n % 5 == 2) {
            eraseOnceSettled(accountId);
        }
    }

    /** As if the grace hour had passed: the account is erased once its copies are all deleted. */
    private void eraseOnceSettled(String accountId) {
        jdbc.update("UPDATE directory.account SET deleted_at = now() - interval '2 hours' WHERE account_id = ?",
                accountId);
        await("account " + accountId + " erased", () -> eraser.eraseSettled().contains(accountId)
                || jdbc.queryForObject("SELECT count(*) FROM federation.actor_key WHERE owner_id = ? "
                + "AND erased_at IS NOT NULL", Long.class, accountId) == 1);
    }

    /** Every copy's deletion on the linked Mastodon account reaches an outcome before the history ends. */
    private void awaitDeletionOutcomes(String postId, String linkId) {
        try {
            await("deletion of " + postId + " on " + linkId, () -> jdbc.queryForObject("SELECT count(*) FROM "
                    + "sharing_status.copy WHERE post_id = ? AND destination = ? AND deletion_ended_at IS NOT NULL",
                    Long.class, postId, linkId) > 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; queued as " + jdbc.queryForList("SELECT * FROM "
                    + "crossposting.job WHERE post_id = ?", postId) + "; projected as " + jdbc.queryForList(
                    "SELECT * FROM sharing_status.copy WHERE post_id = ? AND destination = ?", postId, linkId), e);
        }
    }

    private void generateSmallBurst(int n) {
        String accountId = accounts.register(new NewAccount("burst" + n + "_" + System.nanoTime() % 100000,
                "Burst", true, "US", java.time.LocalDate.parse("1980-01-01"))).id();
        sharing.turnOn(accountId, "2026-11");
        incomingFollows.receive(accountId, "https://b.example/u" + n, "https://b.example/u" + n + "/inbox", null,
                "https://b.example/f" + n);
        for (int p = 0; p < 5; p++) {
            String postId = posts.publish(accountId, new NewPost("burst " + p, null, null, null, null, null)).id();
            engagement.like(postId, "https://b.example/u" + n, "https://b.example/l" + n + "/" + p);
        }
        sharing.turnOff(accountId);
    }

    private void awaitFollowers(String accountId, int count) {
        await("followers of " + accountId, () -> jdbc.queryForObject(
                "SELECT count(*) FROM followers.follower WHERE account_id = ? AND state = 'ACCEPTED'", Long.class,
                accountId) == count);
    }

    private void awaitCopies(String postId) {
        await("copies of " + postId, () -> jdbc.queryForObject(
                "SELECT count(*) FROM sharing_status.copy WHERE post_id = ?", Long.class, postId) >= 3);
    }

    private void rebuildAndWait(String name) {
        Response started = api.post("/api/v1/admin/projections/" + name + "/rebuild", OPERATOR_TOKEN, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await("rebuild of " + name, () -> statusOf(name).path("state").asString().equals("live"));
        assertThat(statusOf(name).path("lastRebuild").path("outcome").asString())
                .as("outcome of the rebuild of " + name + ": " + statusOf(name)).isEqualTo("succeeded");
    }

    private Map<String, List<String>> dumpAll() {
        return new DatabaseScan(jdbc).projections();
    }
}
