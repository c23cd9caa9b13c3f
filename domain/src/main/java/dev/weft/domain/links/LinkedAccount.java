package dev.weft.domain.links;

import java.util.Objects;

/** What the account aggregate needs to remember of one link to decide on later commands. */
public record LinkedAccount(String linkId, Platform platform, String externalAccountId, String instanceUrl,
                            boolean crossPostByDefault) {

    public boolean sameExternalAccountAs(Platform otherPlatform, String otherExternalId, String otherInstanceUrl) {
        return platform == otherPlatform
                && externalAccountId.equals(otherExternalId)
                && Objects.equals(instanceUrl, otherInstanceUrl);
    }
}
