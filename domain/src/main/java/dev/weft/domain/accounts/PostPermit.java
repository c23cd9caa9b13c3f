package dev.weft.domain.accounts;

import java.util.List;

/**
 * The account's answer to "may I publish this, and where does it go?": per-post choices
 * resolved against the account's links and sharing state at this moment.
 */
public record PostPermit(String accountId, List<CrossPostTarget> crossPostTo, boolean shareToFediverse,
                         String consentVersion, String fediverseWithheld) {
    /** Why a post of an account that shares is kept off the fediverse, named in the post's status. */
    public static final String CONSENT_OUTDATED = "consent_outdated";

    public PostPermit {
        crossPostTo = List.copyOf(crossPostTo);
    }

    public PostPermit(String accountId, List<CrossPostTarget> crossPostTo, boolean shareToFediverse,
                      String consentVersion) {
        this(accountId, crossPostTo, shareToFediverse, consentVersion, null);
    }
}
