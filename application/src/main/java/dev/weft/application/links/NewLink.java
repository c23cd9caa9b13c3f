package dev.weft.application.links;

import java.time.Instant;

/**
 * What a person gives to link an account. accessToken for Mastodon, Threads and a
 * Facebook page; appPassword for Bluesky. tokenExpiresAt, when the person knows it (a
 * Threads long-lived token's). overflow is the wire name of an OverflowRule, null for refuse.
 */
public record NewLink(String platform, String externalAccountId, String instanceUrl, String accessToken,
                      String appPassword, Instant tokenExpiresAt, boolean crossPostByDefault, String overflow) {

    @Override
    public String toString() {
        return "NewLink[" + platform + ", " + externalAccountId + ", " + instanceUrl + "]";
    }
}
