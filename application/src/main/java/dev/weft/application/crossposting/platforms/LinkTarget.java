package dev.weft.application.crossposting.platforms;

import dev.weft.domain.links.Platform;

/**
 * Which account on which platform, as linked: instanceUrl is the Mastodon instance or the
 * Bluesky PDS (null for the platform's own default), remoteAccountId the id the platform
 * gave at linking (Mastodon account id, Threads user id, Facebook page id, Bluesky DID), and
 * externalAccountId the name a person knows it by (username, page id, handle).
 */
public record LinkTarget(String linkId, Platform platform, String instanceUrl, String remoteAccountId,
                         String externalAccountId) {
}
