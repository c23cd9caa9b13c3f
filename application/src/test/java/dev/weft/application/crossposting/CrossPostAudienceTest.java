package dev.weft.application.crossposting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrossPostAudienceTest {

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aPublicPostMayGoAnywhere(Platform platform) {
        assertThat(CrossPostAudience.refusal("public", platform)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"THREADS", "FACEBOOK", "BLUESKY"})
    void aFollowersOnlyPostStaysOffPlatformsWhereEverythingIsPublic(Platform platform) {
        assertThat(CrossPostAudience.refusal("followers-only", platform)).hasValueSatisfying(reason ->
                assertThat(reason).contains("followers-only posts are not cross-posted to " + platform.wireName()));
    }

    @Test
    void aFollowersOnlyPostGoesToMastodonWhichHasFollowersOnlyStatuses() {
        assertThat(CrossPostAudience.refusal("followers-only", Platform.MASTODON)).isEmpty();
    }
}
