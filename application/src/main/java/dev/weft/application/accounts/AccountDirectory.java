package dev.weft.application.accounts;

import java.util.Optional;

/** Accounts as of the last committed command: kept in the command's own transaction. */
public interface AccountDirectory {
    Optional<AccountView> find(String accountId);

    /** The account whose handle this is, whatever the case it is written in, deleted or not. */
    Optional<AccountView> findByHandle(String handle);

    /** Accounts, not deleted, that share with the fediverse now. */
    long countSharing();

    Optional<String> accountIdForCredential(String credentialHash);
}
