package dev.weft.application.federation.documents;

import static dev.weft.application.federation.documents.DocumentFixtures.BASE;
import static dev.weft.application.federation.documents.DocumentFixtures.KEYS;
import static dev.weft.application.federation.documents.DocumentFixtures.URLS;
import static dev.weft.application.federation.documents.DocumentFixtures.account;
import static dev.weft.application.federation.documents.DocumentFixtures.post;
import static dev.weft.application.federation.documents.NoteDocumentsTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ActivityDocumentsTest {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private static final String ALICE = BASE + "/users/alice";
    private static final String BOB = "https://remote.example/users/bob";
    private static final Instant NOW = Instant.parse("2026-05-06T07:08:09Z");
    private final ActivityDocuments activities = new ActivityDocuments(URLS, () -> NOW);

    @Test
    void createEmbedsTheNoteAndSharesItsAddressing() {
        ObjectNode create = activities.create(post("Hi", null, null, "public", null), "alice");

        assertThat(create.get("id").asString()).isEqualTo(BASE + "/posts/post-1/activity");
        assertThat(create.get("type").asString()).isEqualTo("Create");
        assertThat(create.get("actor").asString()).isEqualTo(ALICE);
        assertThat(create.get("published").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(texts(create.get("to"))).containsExactly(PUBLIC);
        assertThat(texts(create.get("cc"))).containsExactly(ALICE + "/followers");
        assertThat(create.at("/object/id").asString()).isEqualTo(BASE + "/posts/post-1");
        assertThat(create.at("/object/type").asString()).isEqualTo("Note");
        assertThat(create.get("object").has("@context")).isFalse();
        assertThat(create.get("@context")).isNotNull();
    }

    @Test
    void createOfAFollowersOnlyPostIsNotPublic() {
        ObjectNode create = activities.create(post("Hi", null, null, "followers-only", null), "alice");

        assertThat(texts(create.get("to"))).containsExactly(ALICE + "/followers");
        assertThat(create.toString()).doesNotContain("#Public");
    }

    @Test
    void everyEditIsAnUpdateWithAnIdOfItsOwn() {
        Instant edited = Instant.parse("2026-02-01T00:00:00.123Z");
        ObjectNode update = activities.update(post("v2", null, null, "public", edited), "alice");

        assertThat(update.get("type").asString()).isEqualTo("Update");
        assertThat(update.get("id").asString()).isEqualTo(BASE + "/posts/post-1/updates/" + edited.toEpochMilli());
        assertThat(update.at("/object/updated").asString()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(update.at("/object/content").asString()).isEqualTo("<p>v2</p>");
    }

    @Test
    void deleteSendsATombstoneOfTheNote() {
        ObjectNode publicDelete = activities.delete("post-1", "alice", true);
        ObjectNode privateDelete = activities.delete("post-1", "alice", false);

        assertThat(publicDelete.get("id").asString()).isEqualTo(BASE + "/posts/post-1/delete");
        assertThat(publicDelete.get("type").asString()).isEqualTo("Delete");
        assertThat(publicDelete.at("/object/type").asString()).isEqualTo("Tombstone");
        assertThat(publicDelete.at("/object/id").asString()).isEqualTo(BASE + "/posts/post-1");
        assertThat(texts(publicDelete.get("to"))).containsExactly(PUBLIC);
        assertThat(texts(privateDelete.get("to"))).containsExactly(ALICE + "/followers");
    }

    @Test
    void acceptAndRejectAnswerTheRemoteFollowByItsId() {
        ObjectNode accept = activities.accept("alice", "f1", "https://remote.example/follows/9", BOB);
        ObjectNode reject = activities.reject("alice", "f1", "https://remote.example/follows/9", BOB);

        assertThat(accept.get("id").asString()).isEqualTo(BASE + "/follows/f1/accept");
        assertThat(accept.get("type").asString()).isEqualTo("Accept");
        assertThat(accept.get("actor").asString()).isEqualTo(ALICE);
        assertThat(texts(accept.get("to"))).containsExactly(BOB);
        assertThat(accept.at("/object/id").asString()).isEqualTo("https://remote.example/follows/9");
        assertThat(accept.at("/object/type").asString()).isEqualTo("Follow");
        assertThat(accept.at("/object/actor").asString()).isEqualTo(BOB);
        assertThat(accept.at("/object/object").asString()).isEqualTo(ALICE);
        assertThat(reject.get("id").asString()).isEqualTo(BASE + "/follows/f1/reject");
        assertThat(reject.get("type").asString()).isEqualTo("Reject");
    }

    @Test
    void followAndItsUndo() {
        ObjectNode follow = activities.follow("alice", "f2", BOB);
        ObjectNode undo = activities.undoFollow("alice", "f2", BOB);

        assertThat(follow.get("id").asString()).isEqualTo(BASE + "/follows/f2");
        assertThat(follow.get("type").asString()).isEqualTo("Follow");
        assertThat(follow.get("object").asString()).isEqualTo(BOB);
        assertThat(undo.get("id").asString()).isEqualTo(BASE + "/follows/f2/undo");
        assertThat(undo.get("type").asString()).isEqualTo("Undo");
        assertThat(undo.at("/object/id").asString()).isEqualTo(BASE + "/follows/f2");
        assertThat(undo.at("/object/actor").asString()).isEqualTo(ALICE);
        assertThat(undo.at("/object/object").asString()).isEqualTo(BOB);
    }

    @Test
    void actorDeletionAndUpdateAreUniqueByTime() {
        ObjectNode delete = activities.deleteActor("alice");
        ObjectNode update = activities.updateActor(account("alice", "Alice"), List.of(), KEYS);

        assertThat(delete.get("id").asString()).isEqualTo(ALICE + "#delete/" + NOW.toEpochMilli());
        assertThat(delete.get("object").asString()).isEqualTo(ALICE);
        assertThat(texts(delete.get("to"))).containsExactly(PUBLIC);
        assertThat(update.get("id").asString()).isEqualTo(ALICE + "#update/" + NOW.toEpochMilli());
        assertThat(update.at("/object/type").asString()).isEqualTo("Person");
        assertThat(update.at("/object/publicKey/id").asString()).isEqualTo(ALICE + "#main-key");
        assertThat(update.get("object").has("@context")).isFalse();
        assertThat(update.at("/@context/2").asString()).isEqualTo("https://w3id.org/security/multikey/v1");
    }

    @Test
    void aMoveNamesTheActorAsObjectAndTheNewActorAsTarget() {
        Instant at = Instant.parse("2026-11-05T10:00:00Z");
        ObjectNode move = activities.move("alice", "https://new.example/users/alice", at);

        assertThat(move.get("type").asString()).isEqualTo("Move");
        assertThat(move.get("id").asString()).isEqualTo(BASE + "/users/alice#move/" + at.toEpochMilli());
        assertThat(move.get("actor").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(move.get("object").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(move.get("target").asString()).isEqualTo("https://new.example/users/alice");
        assertThat(texts(move.get("to"))).containsExactly(BASE + "/users/alice/followers");
    }
}
