package dev.weft.api.federation.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.interop.FedifyPeer.Post;
import dev.weft.api.federation.interop.FedifyPeer.Received;
import dev.weft.api.federation.interop.FedifyPeer.SignedResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Fedify peer on its own, two of them talking over loopback, no Weft involved: proves
 * that the peer federates and that Fedify verifies signatures before an activity is
 * recorded, so a Weft interop test that sees an activity in the peer's inbox knows Fedify
 * accepted Weft's signature.
 */
class FedifyPeerSelfTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static FedifyPeer alice;
    private static FedifyPeer bob;

    @BeforeAll
    static void startPeers() {
        alice = FedifyPeer.start("alice");
        bob = FedifyPeer.start("bob");
    }

    @AfterAll
    static void stopPeers() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    void followIsAcceptedAndAPublishedNoteReachesTheFollower() {
        String followId = alice.follow(bob.actorId());

        Received follow = bob.awaitReceived(r -> followId.equals(r.id()), WAIT);
        assertThat(follow.type()).isEqualTo("Follow");
        assertThat(follow.objectId()).isEqualTo(bob.actorId());
        assertThat(follow.actor()).isEqualTo(alice.actorId());
        assertThat(follow.verified()).isTrue();
        assertThat(follow.signatureHeader())
                .contains("algorithm=\"rsa-sha256\"")
                .contains("headers=\"(request-target) content-type date digest host\"");

        Received accept = alice.awaitReceived("Accept", followId, WAIT);
        assertThat(accept.actor()).isEqualTo(bob.actorId());
        assertThat(bob.followers()).containsExactly(alice.actorId());
        assertThat(alice.following()).singleElement()
                .satisfies(f -> assertThat(f.path("state").asString()).isEqualTo("accepted"));

        Post post = bob.publish("<p>Hello from bob</p>");
        Received create = alice.awaitReceived("Create", post.noteId(), WAIT);
        assertThat(create.id()).isEqualTo(post.createId());
        assertThat(create.actor()).isEqualTo(bob.actorId());
        assertThat(create.objectType()).isEqualTo("Note");
        // Fedify writes compacted JSON-LD: the public address as "as:Public", single values bare.
        assertThat(create.raw().path("to").asString()).isEqualTo("as:Public");
        assertThat(create.raw().path("cc").asString()).isEqualTo(bob.followersCollection());
        assertThat(create.raw().path("object").path("content").asString()).isEqualTo("<p>Hello from bob</p>");

        // The note dereferences at its id, as a remote server would fetch it.
        JsonNode note = fetchJson(post.noteId());
        assertThat(note.path("type").asString()).isEqualTo("Note");
        assertThat(note.path("attributedTo").asString()).isEqualTo(bob.actorId());
    }

    @Test
    void likeReplyAnnounceAndTheirUndosReachTheAuthor() {
        if (!bob.followers().contains(alice.actorId())) {
            alice.awaitReceived("Accept", alice.follow(bob.actorId()), WAIT);
        }
        Post note = bob.publish("<p>Something to react to</p>");

        String like = alice.like(note.noteId(), bob.actorId());
        assertThat(bob.awaitReceived("Like", note.noteId(), WAIT).id()).isEqualTo(like);
        String undoLike = alice.unlike(like, note.noteId(), bob.actorId());
        Received undoneLike = bob.awaitReceived("Undo", like, WAIT);
        assertThat(undoneLike.id()).isEqualTo(undoLike);
        assertThat(undoneLike.objectType()).isEqualTo("Like");

        Post reply = alice.reply(note.noteId(), bob.actorId(), "<p>A reply</p>");
        Received create = bob.awaitReceived("Create", reply.noteId(), WAIT);
        assertThat(create.raw().path("object").path("inReplyTo").asString()).isEqualTo(note.noteId());
        assertThat(create.raw().path("object").path("tag").path("href").asString()).isEqualTo(bob.actorId());

        String announce = alice.announce(note.noteId(), bob.actorId());
        assertThat(bob.awaitReceived("Announce", note.noteId(), WAIT).id()).isEqualTo(announce);
        alice.unannounce(announce, note.noteId(), bob.actorId());
        assertThat(bob.awaitReceived("Undo", announce, WAIT).objectType()).isEqualTo("Announce");

        String delete = bob.delete(note.noteId());
        assertThat(alice.awaitReceived("Delete", note.noteId(), WAIT).id()).isEqualTo(delete);
    }

    @Test
    void onlyAnHttpSignatureIsEnoughAndNoSignatureIsRejected() {
        String id = alice.origin() + "/users/alice/creates/hand-made-" + System.nanoTime();
        String activity = """
                {"@context": "https://www.w3.org/ns/activitystreams",
                 "id": "%1$s", "type": "Create", "actor": "%2$s", "to": "as:Public",
                 "object": {"id": "%1$s/note", "type": "Note", "attributedTo": "%2$s",
                            "content": "signed by HTTP signature only", "to": "as:Public"}}
                """.formatted(id, alice.actorId());

        SignedResponse signed = alice.sendSigned(bob.inbox(), activity);
        assertThat(signed.status()).isEqualTo(202);
        Received received = bob.awaitReceived("Create", id + "/note", WAIT);
        assertThat(received.record().path("signedWith").path("httpSignature").asBoolean()).isTrue();
        assertThat(received.record().path("signedWith").path("ldSignature").asBoolean()).isFalse();
        assertThat(received.record().path("signedWith").path("proof").asBoolean()).isFalse();

        // The same activity id again: Fedify answers 202 and does not process it twice.
        assertThat(alice.sendSigned(bob.inbox(), activity).body()).contains("already been processed");

        // Without any signature: 401, and nothing reaches a listener.
        String unsignedId = id + "-unsigned";
        HttpResponse<String> unsigned = postUnsigned(bob.inbox(), activity.replace(id, unsignedId));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(bob.deliveries()).anySatisfy(d -> {
            assertThat(d.path("id").asString()).isEqualTo(unsignedId);
            assertThat(d.path("status").asInt()).isEqualTo(401);
        });
        assertThat(bob.received()).noneMatch(r -> unsignedId.equals(r.id()));
        assertThat(bob.received()).filteredOn(r -> id.equals(r.id())).hasSize(1);
    }

    private static JsonNode fetchJson(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/activity+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("GET " + url, e);
        }
    }

    private static HttpResponse<String> postUnsigned(String inbox, String body) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(inbox))
                            .header("Content-Type", "application/activity+json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("POST " + inbox, e);
        }
    }
}
