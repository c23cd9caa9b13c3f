package dev.weft.application.federation.keys;

/**
 * The key pairs of local actors. They live outside the events, encrypted at rest, are
 * created on first use and are erased with the account.
 */
public interface ActorKeys {
    /** The account's keys, created and stored the first time they are asked for. */
    ActorKeyPairs forAccount(String accountId);

    /** The server's own keys, for the instance actor that signs fetches. */
    ActorKeyPairs forInstance();

    /** Erases the account's private keys; later requests for them fail. */
    void erase(String accountId);
}
