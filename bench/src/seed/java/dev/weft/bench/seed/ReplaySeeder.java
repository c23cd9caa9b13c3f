package dev.weft.bench.seed;

import dev.weft.api.WeftApplication;
import dev.weft.application.accounts.BearerTokens;
import dev.weft.domain.accounts.DeleteAccountCommand;
import dev.weft.domain.accounts.LinkExternalAccountCommand;
import dev.weft.domain.accounts.RegisterAccountCommand;
import dev.weft.domain.accounts.TurnOffFediverseSharingCommand;
import dev.weft.domain.accounts.TurnOnFediverseSharingCommand;
import dev.weft.domain.delivery.RecordActivityDeliveryAttemptCommand;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.RecordCrossPostPartPublishedCommand;
import dev.weft.domain.distribution.RecordDeliveryAttemptCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.distribution.RequestRemoteDeletionCommand;
import dev.weft.domain.distribution.ScheduleCopyCommand;
import dev.weft.domain.graph.AcceptRemoteFollowCommand;
import dev.weft.domain.graph.FollowRemoteActorCommand;
import dev.weft.domain.graph.RecordFollowAcceptedCommand;
import dev.weft.domain.graph.RequestRemoteFollowCommand;
import dev.weft.domain.graph.UndoRemoteFollowCommand;
import dev.weft.domain.links.Platform;
import dev.weft.domain.posts.DeletePostCommand;
import dev.weft.domain.posts.EditPostCommand;
import dev.weft.domain.posts.PostDeletionReason;
import dev.weft.domain.posts.PublishPostCommand;
import dev.weft.domain.posts.RecordRemoteLikeCommand;
import dev.weft.domain.posts.RecordRemoteReplyCommand;
import dev.weft.domain.posts.RecordRemoteRepostCommand;
import dev.weft.domain.posts.RemoveRemoteReplyCommand;
import dev.weft.domain.posts.UndoRemoteLikeCommand;
import dev.weft.domain.remoteposts.DeleteRemotePostCommand;
import dev.weft.domain.remoteposts.ReceiveRemotePostCommand;
import dev.weft.domain.remoteposts.UpdateRemotePostCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replay benchmark's seed: runs inside the engine's own classpath (the packaged weft.jar,
 * through Spring Boot's PropertiesLauncher) and sends real commands through the engine's
 * command gateway, so every event is decided by its aggregate and sealed by the engine's
 * SealingSerializer exactly as in production. The policies run too and add what they add
 * (copies, deliveries, deletion requests).
 *
 * Each account gets the same life: registration, consent, a linked account, incoming and
 * outgoing follows, remote posts, its own posts with edits, copies, deliveries, likes,
 * replies, reposts, a deleted post with its deletion requests and outcomes; every tenth
 * account also turns sharing off and is deleted.
 *
 * Usage (environment as for the engine): ReplaySeeder --accounts=N
 */
public final class ReplaySeeder {
    private static final String CONSENT = "2026-11";
    private static final int POSTS_PER_ACCOUNT = 6;
    private static final int FOLLOWERS_PER_ACCOUNT = 6;
    private static final int REMOTE_SERVERS = 40;

    private final CommandGateway commands;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final Map<String, String> refusalSample = new ConcurrentHashMap<>();

    private ReplaySeeder(CommandGateway commands) {
        this.commands = commands;
    }

    public static void main(String[] args) throws Exception {
        int accounts = 100;
        for (String arg : args) {
            if (arg.startsWith("--accounts=")) {
                accounts = Integer.parseInt(arg.substring("--accounts=".length()));
            }
        }
        ConfigurableApplicationContext context = SpringApplication.run(WeftApplication.class);
        int exit = 0;
        try {
            ReplaySeeder seeder = new ReplaySeeder(context.getBean(CommandGateway.class));
            long start = System.nanoTime();
            seeder.seed(accounts);
            System.out.printf("SEED commands sent in %.1f s%n", (System.nanoTime() - start) / 1e9);
            seeder.report();
            awaitQuiet(context.getBean(JdbcTemplate.class));
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    /** Two threads: the machine has two cores and one command is one short transaction. */
    private void seed(int accounts) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < accounts; i++) {
            int n = i;
            pool.submit(() -> lifeOfAccount(n));
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("seeding did not finish in 30 minutes");
        }
    }

    private void lifeOfAccount(int n) {
        try {
            String account = UUID.randomUUID().toString();
            send(new RegisterAccountCommand(account, "seed" + n + "_" + account.substring(0, 6), "Seed Person " + n,
                    true, "NZ", LocalDate.of(1980 + n % 20, 1 + n % 12, 1 + n % 28),
                    BearerTokens.hash("seed-token-" + account), now()));
            send(new TurnOnFediverseSharingCommand(account, CONSENT, now()));
            String link = UUID.randomUUID().toString();
            send(new LinkExternalAccountCommand(account, link, "mastodon", "ext-" + n, "https://mastodon.example",
                    "remote-" + n, "seed" + n + "@mastodon.example", true, null, now()));
            List<String> followers = incomingFollows(account, n);
            outgoingFollowAndRemotePosts(account, n);
            for (int p = 0; p < POSTS_PER_ACCOUNT; p++) {
                lifeOfPost(account, link, followers, n, p);
            }
            if (n % 10 == 9) {
                send(new TurnOffFediverseSharingCommand(account, now()));
                send(new DeleteAccountCommand(account, now()));
            }
        } catch (RuntimeException e) {
            refused("account " + e.getClass().getSimpleName(), e);
        }
    }

    private List<String> incomingFollows(String account, int n) {
        List<String> actors = new java.util.ArrayList<>();
        for (int f = 0; f < FOLLOWERS_PER_ACCOUNT; f++) {
            String host = host(n + f);
            String actor = "https://" + host + "/users/f" + n + "_" + f;
            String follow = UUID.randomUUID().toString();
            send(new RequestRemoteFollowCommand(follow, account, actor, actor + "/inbox", "https://" + host + "/inbox",
                    actor + "#follow-" + follow, now()));
            send(new AcceptRemoteFollowCommand(follow, now()));
            send(new RecordActivityDeliveryAttemptCommand(UUID.randomUUID().toString(), account, "ACCEPT",
                    actor + "#accept-" + follow, "https://" + host + "/inbox", host, DeliveryOutcome.DELIVERED, 202,
                    null, null, now(), null));
            if (f == FOLLOWERS_PER_ACCOUNT - 1) {
                send(new UndoRemoteFollowCommand(follow, now()));
            } else {
                actors.add(actor);
            }
        }
        return actors;
    }

    private void outgoingFollowAndRemotePosts(String account, int n) {
        String host = host(n + 7);
        String actor = "https://" + host + "/users/author" + n;
        String following = UUID.randomUUID().toString();
        send(new FollowRemoteActorCommand(following, account, actor, actor + "/inbox", now()));
        send(new RecordFollowAcceptedCommand(following, now()));
        for (int r = 0; r < 3; r++) {
            String remotePost = UUID.randomUUID().toString();
            String object = actor + "/statuses/" + remotePost;
            send(new ReceiveRemotePostCommand(remotePost, object, actor, text("A remote post", r), null, object,
                    now(), now()));
            if (r == 1) {
                send(new UpdateRemotePostCommand(remotePost, actor, text("An edited remote post", r), "cw", now()));
            }
            if (r == 2) {
                send(new DeleteRemotePostCommand(remotePost, actor, now()));
            }
        }
    }

    private void lifeOfPost(String account, String link, List<String> followers, int n, int p) {
        String post = UUID.randomUUID().toString();
        send(new PublishPostCommand(post, account, text("A post", p), p % 3 == 0 ? "spoilers" : null, "en",
                "public", List.of(link), true, now()));
        if (p % 2 == 0) {
            send(new EditPostCommand(post, account, text("An edited post", p), null, "en", now()));
        }
        for (String follower : followers.subList(0, 2)) {
            copyToServer(post, account, follower, p);
        }
        crossPost(post, account, link);
        for (int e = 0; e < followers.size(); e++) {
            String actor = followers.get(e);
            send(new RecordRemoteLikeCommand(post, actor, actor + "#like-" + post, now()));
            if (e == 0) {
                send(new UndoRemoteLikeCommand(post, actor, actor + "#like-" + post, now()));
            }
        }
        String replier = followers.get(1);
        String reply = replier + "/statuses/reply-" + post;
        send(new RecordRemoteReplyCommand(post, replier, reply, text("A reply", p), now()));
        if (p == 1) {
            send(new RemoveRemoteReplyCommand(post, replier, reply, now()));
        }
        send(new RecordRemoteRepostCommand(post, followers.get(2), followers.get(2) + "#announce-" + post, now()));
        if (p == POSTS_PER_ACCOUNT - 1) {
            deletePost(post, account, followers);
        }
    }

    private void copyToServer(String post, String account, String follower, int p) {
        String host = java.net.URI.create(follower).getHost();
        Destination server = Destination.server(host);
        String copy = CopyIds.of(post, server);
        send(new ScheduleCopyCommand(copy, post, account, server, CONSENT, now()));
        if (p % 4 == 3) {
            send(new RecordDeliveryAttemptCommand(copy, DeliveryOutcome.RETRY_SCHEDULED, 503, "Service Unavailable",
                    null, null, now().plusSeconds(60), now(), "https://" + host + "/inbox"));
        }
        send(new RecordDeliveryAttemptCommand(copy, DeliveryOutcome.DELIVERED, 202, null, follower + "/p/" + post,
                null, null, now(), "https://" + host + "/inbox"));
        // No RecordRemoteHolderCommand: the delivery policy records the holder of a delivered copy itself.
    }

    private void crossPost(String post, String account, String link) {
        String copy = CopyIds.of(post, Destination.linkedAccount(link, Platform.MASTODON));
        send(new ScheduleCopyCommand(copy, post, account, Destination.linkedAccount(link, Platform.MASTODON), CONSENT,
                now()));
        send(new RecordCrossPostPartPublishedCommand(copy, 1, 1, "109" + Math.abs(post.hashCode()),
                "https://mastodon.example/@seed/109" + Math.abs(post.hashCode()), now()));
    }

    private void deletePost(String post, String account, List<String> followers) {
        send(new DeletePostCommand(post, account, PostDeletionReason.AUTHOR_REQUEST, now()));
        for (String follower : followers.subList(0, 2)) {
            String copy = CopyIds.of(post, Destination.server(java.net.URI.create(follower).getHost()));
            send(new RequestRemoteDeletionCommand(copy, DeletionReason.POST_DELETED, now()));
            send(new RecordRemoteDeletionOutcomeCommand(copy, DeletionOutcome.FAILED, "connect timed out", now()));
            send(new RecordRemoteDeletionOutcomeCommand(copy, DeletionOutcome.DELIVERED, null, now()));
        }
    }

    /** Sends and waits; a refusal (already done by a policy, say) is counted, not fatal. */
    private void send(Object command) {
        String name = command.getClass().getSimpleName();
        try {
            commands.sendAndWait(command);
            sent.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        } catch (RuntimeException e) {
            refused(name, e);
        }
    }

    private void refused(String what, RuntimeException e) {
        refused.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        refusalSample.putIfAbsent(what, String.valueOf(e.getMessage()));
    }

    private void report() {
        new TreeMap<>(sent).forEach((k, v) -> System.out.printf("SEED sent    %-40s %6d%n", k, v.get()));
        new TreeMap<>(refused).forEach((k, v) -> System.out.printf("SEED refused %-40s %6d  e.g. %s%n", k, v.get(),
                refusalSample.get(k)));
    }

    /** Lets the policies and their workers finish what the commands started: no new event for 5 s. */
    private static void awaitQuiet(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long last = -1;
        int quietSeconds = 0;
        while (quietSeconds < 5 && System.nanoTime() < deadline) {
            Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            quietSeconds = count != null && count == last ? quietSeconds + 1 : 0;
            last = count == null ? -1 : count;
            Thread.sleep(1000);
        }
        System.out.println("SEED events stored: " + last);
    }

    private static String host(int i) {
        return "remote" + (i % REMOTE_SERVERS) + ".example";
    }

    private static String text(String what, int i) {
        return what + " number " + i + ", with enough words in it to look like something a person would write "
                + "on a quiet afternoon, and a link https://example.org/" + i;
    }

    private static Instant now() {
        return Instant.now();
    }
}
