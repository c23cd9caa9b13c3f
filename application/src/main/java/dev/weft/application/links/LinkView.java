package dev.weft.application.links;

import java.time.Instant;

/**
 * A linked account as its owner sees it; never its secret. state is "active", or
 * "needs_reauthorization" once the platform refused the token (reauthorizationReason says
 * how, in the platform's words), until the person links the account again.
 */
public record LinkView(String id, String platform, String externalAccountId, String instanceUrl,
                       String remoteAccountId, String remoteName, boolean crossPostByDefault, String overflow,
                       String state, String reauthorizationReason, Instant needsReauthorizationSince,
                       Instant linkedAt) {

    public static final String ACTIVE = "active";
    public static final String NEEDS_REAUTHORIZATION = "needs_reauthorization";

    public boolean needsReauthorization() {
        return NEEDS_REAUTHORIZATION.equals(state);
    }
}
