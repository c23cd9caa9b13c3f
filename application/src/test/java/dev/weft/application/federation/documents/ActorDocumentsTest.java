package dev.weft.application.federation.documents;

import static dev.weft.application.federation.documents.DocumentFixtures.BASE;
import static dev.weft.application.federation.documents.DocumentFixtures.KEYS;
import static dev.weft.application.federation.documents.DocumentFixtures.URLS;
import static dev.weft.application.federation.documents.DocumentFixtures.account;
import static dev.weft.application.federation.documents.DocumentFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.federation.keys.KeyEncodings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ActorDocumentsTest {
    private final ActorDocuments actors = new ActorDocuments(URLS);

    @Test
    void personCarriesEveryIdFromTheUrlScheme() {
        ObjectNode person = actors.person(account("alice", "Alice"), List.of(), KEYS);

        assertThat(person.get("id").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(person.get("type").asString()).isEqualTo("Person");
        assertThat(person.get("preferredUsername").asString()).isEqualTo("alice");
        assertThat(person.get("name").asString()).isEqualTo("Alice");
        assertThat(person.get("summary").isString()).isTrue();
        assertThat(person.get("url").asString()).isEqualTo(BASE + "/@alice");
        assertThat(person.get("published").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(person.get("inbox").asString()).isEqualTo(BASE + "/users/alice/inbox");
        assertThat(person.get("outbox").asString()).isEqualTo(BASE + "/users/alice/outbox");
        assertThat(person.get("followers").asString()).isEqualTo(BASE + "/users/alice/followers");
        assertThat(person.get("following").asString()).isEqualTo(BASE + "/users/alice/following");
        assertThat(person.at("/endpoints/sharedInbox").asString()).isEqualTo(BASE + "/inbox");
        assertThat(person.get("manuallyApprovesFollowers").asBoolean()).isFalse();
        assertThat(person.get("discoverable").asBoolean()).isTrue();
    }

    @Test
    void contextDefinesEveryExtensionTermTheDocumentUses() {
        JsonNode context = actors.person(account("alice", "Alice"), List.of(), KEYS).get("@context");

        assertThat(context.get(0).asString()).isEqualTo("https://www.w3.org/ns/activitystreams");
        assertThat(context.get(1).asString()).isEqualTo("https://w3id.org/security/v1");
        assertThat(context.get(2).asString()).isEqualTo("https://w3id.org/security/multikey/v1");
        JsonNode terms = context.get(3);
        assertThat(terms.get("manuallyApprovesFollowers").asString()).isEqualTo("as:manuallyApprovesFollowers");
        assertThat(terms.get("discoverable").asString()).isEqualTo("toot:discoverable");
        assertThat(terms.get("toot").asString()).isEqualTo("http://joinmastodon.org/ns#");
        assertThat(terms.get("PropertyValue").asString()).isEqualTo("schema:PropertyValue");
        assertThat(terms.get("value").asString()).isEqualTo("schema:value");
        assertThat(terms.get("schema").asString()).isEqualTo("http://schema.org#");
        assertThat(terms.at("/assertionMethod/@id").asString()).isEqualTo("https://w3id.org/security#assertionMethod");
    }

    @Test
    void publishesBothPublicKeysAndNoPrivateOne() {
        ObjectNode person = actors.person(account("alice", "Alice"), List.of(), KEYS);

        JsonNode publicKey = person.get("publicKey");
        assertThat(publicKey.get("id").asString()).isEqualTo(BASE + "/users/alice#main-key");
        assertThat(publicKey.get("owner").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(KeyEncodings.fromPem(publicKey.get("publicKeyPem").asString())).isEqualTo(KEYS.rsa().getPublic());
        JsonNode multikey = person.get("assertionMethod").get(0);
        assertThat(multikey.get("id").asString()).isEqualTo(BASE + "/users/alice#ed25519-key");
        assertThat(multikey.get("type").asString()).isEqualTo("Multikey");
        assertThat(multikey.get("controller").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(KeyEncodings.fromMultikey(multikey.get("publicKeyMultibase").asString()))
                .isEqualTo(KEYS.ed25519().getPublic());
        assertThat(person.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void eachLinkedAccountIsAPropertyValueWithARelMeLinkToItsProfile() {
        ObjectNode person = actors.person(account("alice", "Alice"), List.of(
                link("mastodon", "alice", "https://mastodon.example/"),
                link("threads", "alice.t", null),
                link("facebook", "alice.fb", null)), KEYS);

        JsonNode attachments = person.get("attachment");
        assertThat(attachments).hasSize(3);
        assertThat(attachments.get(0).get("type").asString()).isEqualTo("PropertyValue");
        assertThat(attachments.get(0).get("name").asString()).isEqualTo("Mastodon");
        assertThat(attachments.get(0).get("value").asString()).isEqualTo(
                "<a href=\"https://mastodon.example/@alice\" rel=\"me nofollow noopener\" target=\"_blank\">"
                        + "https://mastodon.example/@alice</a>");
        assertThat(attachments.get(1).get("value").asString())
                .contains("href=\"https://www.threads.net/@alice.t\"");
        assertThat(attachments.get(2).get("value").asString())
                .contains("href=\"https://www.facebook.com/alice.fb\"");
    }

    @Test
    void escapesWhatAPersonTypedWhereItBecomesHtml() {
        ObjectNode person = actors.person(account("alice", "Alice"), List.of(
                link("facebook", "a\"><script>x</script>", null)), KEYS);

        String value = person.get("attachment").get(0).get("value").asString();
        assertThat(value).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void instanceActorIsAnApplicationReceivingAtTheSharedInbox() {
        ObjectNode actor = actors.instanceActor(KEYS);

        assertThat(actor.get("id").asString()).isEqualTo(BASE + "/actor");
        assertThat(actor.get("type").asString()).isEqualTo("Application");
        assertThat(actor.get("preferredUsername").asString()).isEqualTo("weft.example");
        assertThat(actor.get("inbox").asString()).isEqualTo(BASE + "/inbox");
        assertThat(actor.at("/publicKey/id").asString()).isEqualTo(BASE + "/actor#main-key");
        assertThat(KeyEncodings.fromPem(actor.at("/publicKey/publicKeyPem").asString()))
                .isEqualTo(KEYS.rsa().getPublic());
    }

    @Test
    void tombstoneNamesWhatWasThereAndWhenItWent() {
        ObjectNode tombstone = actors.tombstone(BASE + "/users/alice", "Person", Instant.parse("2026-03-04T05:06:07Z"));

        assertThat(tombstone.get("type").asString()).isEqualTo("Tombstone");
        assertThat(tombstone.get("id").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(tombstone.get("formerType").asString()).isEqualTo("Person");
        assertThat(tombstone.get("deleted").asString()).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(tombstone.get("@context")).isNotNull();
    }

    @Test
    void aMovedActorNamesWhereItWentAndDefinesTheTerm() {
        dev.weft.application.accounts.AccountView alice = account("alice", "Alice");
        dev.weft.application.accounts.AccountView moved = new dev.weft.application.accounts.AccountView(alice.id(),
                alice.handle(), alice.displayName(), true, "US", alice.birthDate(), true, "2026-11",
                alice.createdAt(), null, "https://new.example/users/alice");

        ObjectNode person = actors.person(moved, List.of(), KEYS);

        assertThat(person.get("movedTo").asString()).isEqualTo("https://new.example/users/alice");
        assertThat(person.get("@context").get(3).at("/movedTo/@id").asString()).isEqualTo("as:movedTo");
        assertThat(actors.person(alice, List.of(), KEYS).has("movedTo")).isFalse();
    }
}
