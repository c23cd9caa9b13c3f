package dev.weft.application.crossposting;

import dev.weft.domain.links.Platform;
import dev.weft.domain.posts.Visibility;
import java.util.Optional;

/**
 * Who may see a copy. Threads, Facebook pages and Bluesky have only public posts, so a
 * followers-only post would reach everyone there: it goes only to Mastodon, as a
 * followers-only status. The preview and the sender ask the same question.
 */
public final class CrossPostAudience {
    private CrossPostAudience() {
    }

    /** @return why the post may not go to the platform, or empty when it may */
    public static Optional<String> refusal(String visibility, Platform platform) {
        boolean followersOnly = Visibility.fromWireName(visibility) == Visibility.FOLLOWERS_ONLY;
        if (followersOnly && platform != Platform.MASTODON) {
            return Optional.of("followers-only posts are not cross-posted to " + platform.wireName()
                    + ", where every post is public");
        }
        return Optional.empty();
    }
}
