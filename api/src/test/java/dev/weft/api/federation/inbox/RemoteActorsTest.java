package dev.weft.api.federation.inbox;

import static dev.weft.api.support.WeftClient.body;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
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
}
