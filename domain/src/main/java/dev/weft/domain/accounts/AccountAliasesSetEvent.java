package dev.weft.domain.accounts;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.PersonalData;
import java.time.Instant;
import java.util.List;

/**
 * The whole list after the change; an empty one says the account has no other names. Once
 * the account is erased the list reads as null, which stands for none.
 */
public record AccountAliasesSetEvent(String accountId, @PersonalData(subject = "accountId") List<String> aliases,
                                     Instant setAt) implements AccountEvent {
    public AccountAliasesSetEvent {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
