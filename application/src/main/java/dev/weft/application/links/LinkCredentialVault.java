package dev.weft.application.links;

import dev.weft.application.crossposting.platforms.LinkSecret;

/**
 * Holds the secrets of linked accounts, encrypted at rest, outside the event store:
 * events are forever, and a secret must be erasable the moment its link goes.
 */
public interface LinkCredentialVault {
    /** Stores the link's secret, replacing the one it had (linking the same account again). */
    void store(String linkId, String accountId, LinkSecret secret);
}
