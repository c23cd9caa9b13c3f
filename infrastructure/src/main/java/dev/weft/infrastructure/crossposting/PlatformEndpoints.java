package dev.weft.infrastructure.crossposting;

import java.time.Duration;

/**
 * Where each platform's API is and how Weft paces itself against it. The base URLs are
 * settings so tests and staging can point them at local servers; Mastodon has none here
 * because every link names its own instance, and a Bluesky link may name its own PDS.
 *
 * @param threadsBaseUrl        Threads Graph API, with its version (https://graph.threads.net/v1.0)
 * @param facebookBaseUrl       Facebook Graph API, with its version (https://graph.facebook.com/v21.0)
 * @param blueskyDefaultPds     the PDS of links that name none (https://bsky.social)
 * @param blueskyWebUrl         where Bluesky posts are seen (https://bsky.app)
 * @param containerPollInterval first wait between Threads container status checks; each next one doubles
 * @param containerInlineWait   how long one attempt waits for a container before coming back later
 * @param containerRecheck      when a container still being processed is looked at again (Threads: once a minute)
 * @param instanceRulesTtl      how long a Mastodon instance's limits are cached
 * @param threadsRefreshBefore  renew a Threads token when it expires within this
 */
public record PlatformEndpoints(String threadsBaseUrl, String facebookBaseUrl, String blueskyDefaultPds,
                                String blueskyWebUrl, Duration containerPollInterval, Duration containerInlineWait,
                                Duration containerRecheck, Duration instanceRulesTtl, Duration threadsRefreshBefore) {

    public static PlatformEndpoints defaults() {
        return new PlatformEndpoints("https://graph.threads.net/v1.0", "https://graph.facebook.com/v21.0",
                "https://bsky.social", "https://bsky.app", Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(10));
    }
}
