package dev.weft.api.crossposting;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.BlueskyPost;
import dev.weft.api.crossposting.platforms.FacebookPost;
import dev.weft.api.crossposting.platforms.MastodonStatus;
import dev.weft.api.crossposting.platforms.ThreadsPost;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The preview shows exactly what each platform then receives: the same parts, the same
 * text, for posts with emoji, links, mentions, hashtags and a content warning.
 */
class PreviewIntegrationTest extends WeftIntegrationTest {
    private static final String PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

    @ParameterizedTest
    @ValueSource(strings = {
            "Hello 👋🏽 world! See https://example.org/a/very/long/path?with=query#and-fragment for more.",
            "Thanks @ana@mastodon.example and @bob for #Weft and #fediverse 🇳🇿 👨‍👩‍👧‍👦",
            "First paragraph with a link https://weft.example/posts/1.\\n\\nSecond paragraph, #tagged, with 🎉🎉🎉."})
    void previewAndPublishAgreeOnEveryPlatform(String text) {
        LinkedAccounts ben = new LinkedAccounts(api, "ben");
        String mastodon = ben.linked(ben.linkMastodon());
        String threads = ben.linked(ben.linkThreads());
        String facebook = ben.linked(ben.linkFacebook());
        String bluesky = ben.linked(ben.linkBluesky());
        Map<String, Object> post = body("text", text.replace("\\n", "\n"), "contentWarning", "spoilers 🙈");

        Map<String, JsonNode> previews = preview(ben, post);
        String postId = ben.publish(post.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(),
                e.getValue())).toArray());
        for (String link : List.of(mastodon, threads, facebook, bluesky)) {
            ben.awaitState(postId, link, "published");
        }

        assertThat(received(ben, "mastodon")).isEqualTo(partTexts(previews.get(mastodon), postId));
        assertThat(ben.mastodonStatuses().get(0).spoilerText()).isEqualTo(previews.get(mastodon)
                .path("spoilerText").asString());
        assertThat(received(ben, "threads")).isEqualTo(partTexts(previews.get(threads), postId));
        assertThat(received(ben, "facebook")).isEqualTo(partTexts(previews.get(facebook), postId));
        assertThat(received(ben, "bluesky")).isEqualTo(partTexts(previews.get(bluesky), postId));
    }

    @Test
    void aPostTooLongForOneLinkIsShownAsItsThreadOnThatLinkAndRefusedOnAnother() {
        LinkedAccounts cat = new LinkedAccounts(api, "cat");
        String threaded = cat.linked(cat.linkBluesky("overflow", "thread"));
        String refusing = cat.linked(cat.linkThreads());
        String text = "Waves " + "🌊".repeat(200) + ".\n\nMore waves " + "🌊".repeat(140) + ".";

        Map<String, JsonNode> previews = preview(cat, body("text", text));
        assertThat(previews.get(threaded).path("sendable").asBoolean()).isTrue();
        assertThat(previews.get(threaded).path("parts")).hasSize(2);
        JsonNode refused = previews.get(refusing);
        assertThat(refused.path("sendable").asBoolean()).isFalse();
        assertThat(refused.path("reason").asString()).contains("Threads allows 500");
        assertThat(refused.path("counted").asInt()).isGreaterThan(500);

        String postId = cat.publish("text", text);
        JsonNode failed = cat.awaitState(postId, refusing, "failed");
        assertThat(failed.path("lastError").asString()).isEqualTo(refused.path("reason").asString());
        cat.awaitState(postId, threaded, "published");
        assertThat(received(cat, "bluesky")).isEqualTo(partTexts(previews.get(threaded), postId));
    }

    @Test
    void aPreviewWritesNothingAndRefusesWhatPublishingWouldRefuse() {
        LinkedAccounts dee = new LinkedAccounts(api, "dee");
        dee.linked(dee.linkMastodon());
        Response tooLong = rejectedWithoutWrites(() -> api.post(dee.person.path() + "/posts/preview",
                dee.person.token(), body("text", "x".repeat(501))));
        assertThat(tooLong.text("field")).isEqualTo("text");
        Response unknownLink = rejectedWithoutWrites(() -> api.post(dee.person.path() + "/posts/preview",
                dee.person.token(), body("text", "hi", "crossPostTo", List.of("no-such-link"))));
        assertThat(unknownLink.status()).isEqualTo(422);
        assertThat(unknownLink.text("field")).isEqualTo("crossPostTo");
    }

    private Map<String, JsonNode> preview(LinkedAccounts who, Map<String, Object> post) {
        Response preview = api.post(who.person.path() + "/posts/preview", who.person.token(), post);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        Map<String, JsonNode> byLink = new java.util.HashMap<>();
        preview.json().path("targets").forEach(target -> byLink.put(target.path("linkId").asString(), target));
        return byLink;
    }

    private static List<String> partTexts(JsonNode preview, String postId) {
        assertThat(preview.path("sendable").asBoolean()).as(preview.toString()).isTrue();
        List<String> texts = new ArrayList<>();
        preview.path("parts").forEach(part -> texts.add(part.path("text").asString().replace(PLACEHOLDER, postId)));
        return texts;
    }

    /** What the platform holds, in thread order (each part answers the one before). */
    private static List<String> received(LinkedAccounts who, String platform) {
        return switch (platform) {
            case "mastodon" -> who.mastodonStatuses().stream().sorted(Comparator.comparing(MastodonStatus::createdAt)
                    .thenComparing(MastodonStatus::id)).map(MastodonStatus::text).toList();
            case "threads" -> who.threadsPosts().stream().sorted(Comparator.comparing(ThreadsPost::timestamp)
                    .thenComparing(ThreadsPost::id)).map(ThreadsPost::text).toList();
            case "facebook" -> who.facebookPosts().stream().map(FacebookPost::message).toList();
            default -> who.blueskyPosts().stream().sorted(Comparator.comparing(BlueskyPost::rkey))
                    .map(BlueskyPost::text).toList();
        };
    }
}
