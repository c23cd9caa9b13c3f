package dev.weft.infrastructure.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecalledActivityTest {

    @Test
    void keepsWhatLaterActivitiesAreBuiltFromAndNothingOfThePost() {
        String create = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://w.test/posts/1/activity\","
                + "\"type\":\"Create\",\"actor\":\"https://w.test/users/a\",\"to\":[\"as:Public\"],"
                + "\"object\":{\"id\":\"https://w.test/posts/1\",\"type\":\"Note\",\"published\":\"2026-12-01T00:00:00Z\","
                + "\"content\":\"<p>my secret</p>\",\"summary\":\"cw\",\"tag\":[{\"name\":\"#x\"}],\"to\":[\"as:Public\"],"
                + "\"cc\":[\"https://w.test/users/a/followers\"]}}";

        String kept = RecalledActivity.skeleton("https://w.test/posts/1/activity", create);

        assertThat(kept).doesNotContain("my secret").doesNotContain("summary").doesNotContain("#x")
                .contains("\"published\":\"2026-12-01T00:00:00Z\"").contains("\"to\":[\"as:Public\"]")
                .contains("\"cc\":[\"https://w.test/users/a/followers\"]").contains("\"type\":\"Note\"")
                .contains("\"erased\":\"" + RecalledActivity.ERASED + "\"");
    }

    @Test
    void anUnreadableBodyKeepsOnlyItsId() {
        assertThat(RecalledActivity.skeleton("https://w.test/posts/2/activity", "{\"content\": \"cut off"))
                .isEqualTo("{\"id\":\"https://w.test/posts/2/activity\",\"erased\":\"" + RecalledActivity.ERASED + "\"}");
    }
}
