package dev.weft.application.accounts;

import java.util.Optional;

/** Accounts as of the last committed command: kept in the command's own transaction. */
public interface AccountDirectory {
    Optional<AccountView> find(String accountId);

    Optional<String> accountIdForCredential(String credentialHash);
}
