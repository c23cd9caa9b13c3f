package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.LinkSecrets;
import dev.weft.application.crossposting.platforms.LinkTarget;

/** A link's secret, read when a request needs it; without one the account must be linked again. */
public final class StoredSecrets {
    private StoredSecrets() {
    }

    public static LinkSecret required(LinkSecrets secrets, LinkTarget link) {
        return secrets.reveal(link.linkId()).orElseThrow(() -> new FailedRequest(PlatformFailure.unauthorized(
                "the link's secret is no longer stored; link the account again", null)));
    }
}
