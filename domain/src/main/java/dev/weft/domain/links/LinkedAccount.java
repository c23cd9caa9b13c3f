package dev.weft.domain.links;

import java.util.Objects;

/** What the account aggregate needs to remember of one link to decide on later commands. */
public record LinkedAccount(String linkId, Platform platform, String externalAccountId, String instanceUrl,
                            String remoteAccountId, boolean crossPostByDefault, OverflowRule overflow,
                            boolean needsReauthorization) {

    /**
     * The platform's id decides when both links have one: a renamed account is still the same
     * account. Links made before Weft learned that id fall back to the name given.
     */
    public boolean sameExternalAccountAs(Platform otherPlatform, String otherExternalId, String otherInstanceUrl,
                                         String otherRemoteId) {
        if (platform != otherPlatform || !Objects.equals(instanceUrl, otherInstanceUrl)) {
            return false;
        }
        if (remoteAccountId != null && otherRemoteId != null) {
            return remoteAccountId.equals(otherRemoteId);
        }
        return externalAccountId.equals(otherExternalId);
    }

    public LinkedAccount withSettings(boolean byDefault, OverflowRule rule) {
        return new LinkedAccount(linkId, platform, externalAccountId, instanceUrl, remoteAccountId, byDefault, rule,
                needsReauthorization);
    }

    public LinkedAccount withReauthorizationNeeded(boolean needed) {
        return new LinkedAccount(linkId, platform, externalAccountId, instanceUrl, remoteAccountId,
                crossPostByDefault, overflow, needed);
    }
}
