package dev.weft.application.crossposting.platforms;

/**
 * Who the credentials belong to, as the platform answered: its id for the account, the
 * name people know it by, and its display name. secret is what to store, which may differ
 * from what was given (a Bluesky session made from the app password, a Threads token's
 * expiry).
 */
public record VerifiedAccount(String remoteAccountId, String externalAccountId, String remoteName,
                              LinkSecret secret) {
}
