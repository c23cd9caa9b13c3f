package dev.weft.application.federation.documents;

import static dev.weft.application.federation.documents.DocumentFixtures.BASE;
import static dev.weft.application.federation.documents.DocumentFixtures.URLS;
import static dev.weft.application.federation.documents.DocumentFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NoteDocumentsTest {
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    private final NoteDocuments notes = new NoteDocuments(URLS);

    @Test
    void noteCarriesItsIdsAuthorAndTimes() {
        ObjectNode note = notes.note(post("Hello", null, "en", "public", null), "alice");

        assertThat(note.get("id").asString()).isEqualTo(BASE + "/posts/post-1");
        assertThat(note.get("type").asString()).isEqualTo("Note");
        assertThat(note.get("attributedTo").asString()).isEqualTo(BASE + "/users/alice");
        assertThat(note.get("url").asString()).isEqualTo(BASE + "/posts/post-1");
        assertThat(note.get("published").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(note.has("updated")).isFalse();
        assertThat(note.get("sensitive").asBoolean()).isFalse();
        assertThat(note.has("summary")).isFalse();
        assertThat(note.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/activitystreams");
    }

    @Test
    void textBecomesEscapedParagraphsWithLineBreaks() {
        ObjectNode note = notes.note(post("a < b & \"c\"\nnext line\n\nsecond <i>para</i>", null, null, "public",
                null), "alice");

        assertThat(note.get("content").asString()).isEqualTo(
                "<p>a &lt; b &amp; &quot;c&quot;<br>next line</p><p>second &lt;i&gt;para&lt;/i&gt;</p>");
    }

    @Test
    void knownLanguageGivesAContentMap() {
        ObjectNode withLanguage = notes.note(post("Bonjour", null, "fr", "public", null), "alice");
        ObjectNode without = notes.note(post("Hi", null, null, "public", null), "alice");
        ObjectNode malformed = notes.note(post("Hi", null, "not a tag", "public", null), "alice");

        assertThat(withLanguage.at("/contentMap/fr").asString()).isEqualTo("<p>Bonjour</p>");
        assertThat(without.has("contentMap")).isFalse();
        assertThat(malformed.has("contentMap")).isFalse();
    }

    @Test
    void contentWarningIsAnEscapedSummaryAndMarksTheNoteSensitive() {
        ObjectNode note = notes.note(post("spoiler", "plot <twist>", null, "public", null), "alice");

        assertThat(note.get("summary").asString()).isEqualTo("plot &lt;twist&gt;");
        assertThat(note.get("sensitive").asBoolean()).isTrue();
    }

    @Test
    void editedNoteSaysWhen() {
        ObjectNode note = notes.note(post("v2", null, null, "public", Instant.parse("2026-02-01T00:00:00.5Z")),
                "alice");

        assertThat(note.get("updated").asString()).isEqualTo("2026-02-01T00:00:00Z");
    }

    @Test
    void publicNoteGoesToEveryoneWithFollowersInCopy() {
        ObjectNode note = notes.note(post("Hi", null, null, "public", null), "alice");

        assertThat(texts(note.get("to"))).containsExactly(PUBLIC);
        assertThat(texts(note.get("cc"))).containsExactly(BASE + "/users/alice/followers");
    }

    @Test
    void followersOnlyNoteGoesToFollowersAndNeverToPublic() {
        ObjectNode note = notes.note(post("Hi", null, null, "followers-only", null), "alice");

        assertThat(texts(note.get("to"))).containsExactly(BASE + "/users/alice/followers");
        assertThat(note.toString()).doesNotContain("#Public");
    }

    static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
