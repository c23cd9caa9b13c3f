package dev.weft.domain.posts;

import java.util.List;

/**
 * The account's answer to "may I publish this, and where does it go?": per-post choices
 * resolved against the account's links and sharing state at this moment.
 */
public record PostPermit(String accountId, List<CrossPostTarget> crossPostTo, boolean shareToFediverse,
                         String consentVersion) {
    public PostPermit {
        crossPostTo = List.copyOf(crossPostTo);
    }
}
