package dev.weft.application.crossposting.platforms;

import dev.weft.domain.links.Platform;

/** What a person gave to link an account, before it is checked. */
public record LinkRequest(Platform platform, String instanceUrl, String externalAccountId, LinkSecret secret) {
}
