package dev.weft.api.federation.inbox;

import static dev.weft.api.support.WeftClient.body;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Inbox tests: remote actors on a loopback server, and a fresh sharing account with one post. */
abstract class RemoteActorsTest extends WeftIntegrationTest {
    static RemoteActorServer remote;
    Registered alice;
    String postUrl;
    String postId;

    @BeforeAll
    static void startRemote() {
        remote = new RemoteActorServer();
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    @BeforeEach
    void sharedPost() {
        alice = TestAccounts.registerSharing(api, "inboxed");
        Response post = api.post(alice.path() + "/posts", alice.token(), body("text", "act on me"));
        postUrl = post.text("url");
        postId = post.text("id");
        await("the post is readable", () -> api.get("/api/v1/posts/" + postId, alice.token()).status() == 200);
    }

    /**
     * A Like by kim of alice's post, written straight into the inbox queue as the workers
     * leave it. settledAgo is a PostgreSQL interval (received and settled that long ago).
     */
    String storedLike(String state, int attempts, String nextAttemptIn, String settledAgo, String outcome) {
        String likeId = remote.origin() + "/likes/" + UUID.randomUUID();
        String like = "{\"id\": \"" + likeId + "\", \"type\": \"Like\", \"actor\": \"" + remote.actor("kim")
                + "\", \"object\": \"" + postUrl + "\"}";
        jdbc.update("INSERT INTO federation.inbox_activity (activity_id, type, actor_id, actor_host, object_id, "
                + "recipient_account_id, key_id, signature_scheme, body, state, attempts, next_attempt_at, "
                + "received_at, processed_at, outcome) VALUES (?, 'Like', ?, '127.0.0.1', ?, ?, ?, 'draft-cavage', ?, "
                + "?, ?, now() + ?::interval, now() - ?::interval, now() - ?::interval, ?)",
                likeId, remote.actor("kim"), postUrl, alice.id(), remote.actor("kim") + "#main-key", like,
                state, attempts, nextAttemptIn, settledAgo, settledAgo, outcome);
        return likeId;
    }
}
