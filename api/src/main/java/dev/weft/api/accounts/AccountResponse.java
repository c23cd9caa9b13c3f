package dev.weft.api.accounts;

import dev.weft.application.accounts.AccountView;
import dev.weft.application.sharing.ConsentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An account as its owner and auditors read it, with where it stands on the current explanation. */
public record AccountResponse(String id, String handle, String displayName, boolean publicProfile, String country,
                              LocalDate birthDate, boolean fediverseSharing, String consentVersion,
                              String currentConsentVersion, boolean reconsentNeeded, Instant createdAt,
                              Instant deletedAt, String movedTo, List<String> alsoKnownAs) {

    static AccountResponse of(AccountView account, ConsentStatus consent) {
        return new AccountResponse(account.id(), account.handle(), account.displayName(), account.publicProfile(),
                account.country(), account.birthDate(), account.fediverseSharing(), account.consentVersion(),
                consent.currentConsentVersion(), consent.reconsentNeeded(), account.createdAt(), account.deletedAt(),
                account.movedTo(), account.alsoKnownAs());
    }
}
