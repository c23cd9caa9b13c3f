package dev.weft.application.links;

/**
 * Holds the access tokens of linked accounts, encrypted at rest, outside the event store:
 * events are forever, and a token must be erasable the moment its link goes.
 */
public interface LinkCredentialVault {
    void store(String linkId, String accountId, String accessToken);
}
