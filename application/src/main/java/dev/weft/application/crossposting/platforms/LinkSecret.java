package dev.weft.application.crossposting.platforms;

import java.time.Instant;

/**
 * What a link needs to act on the person's behalf: an access token (Mastodon, Threads, a
 * Facebook page), or a Bluesky app password and the session made from it. expiresAt is when
 * the access token stops working, when the platform says. Never logged: toString hides it.
 */
public record LinkSecret(String accessToken, String refreshToken, Instant expiresAt, String appPassword) {

    public static LinkSecret token(String accessToken, Instant expiresAt) {
        return new LinkSecret(accessToken, null, expiresAt, null);
    }

    public static LinkSecret appPassword(String appPassword) {
        return new LinkSecret(null, null, null, appPassword);
    }

    /**
     * The secret after a refresh: what the platform answered replaces what it supersedes,
     * and nothing the platform left out is blanked, so a refresh that omits the refresh token
     * keeps the one stored.
     */
    public LinkSecret refreshedWith(String newAccessToken, String newRefreshToken, Instant newExpiresAt) {
        return new LinkSecret(present(newAccessToken) ? newAccessToken : accessToken,
                present(newRefreshToken) ? newRefreshToken : refreshToken,
                newExpiresAt != null ? newExpiresAt : expiresAt, appPassword);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "LinkSecret[redacted]";
    }
}
