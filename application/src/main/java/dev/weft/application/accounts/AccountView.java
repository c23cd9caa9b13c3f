package dev.weft.application.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * movedTo is the actor the account moved to, null while it has not moved; alsoKnownAs the
 * person's other accounts, which a server moving one of them here checks for.
 */
public record AccountView(String id, String handle, String displayName, boolean publicProfile, String country,
                          LocalDate birthDate, boolean fediverseSharing, String consentVersion, Instant createdAt,
                          Instant deletedAt, String movedTo, List<String> alsoKnownAs) {
    public AccountView {
        alsoKnownAs = alsoKnownAs == null ? List.of() : List.copyOf(alsoKnownAs);
    }

    public AccountView(String id, String handle, String displayName, boolean publicProfile, String country,
                       LocalDate birthDate, boolean fediverseSharing, String consentVersion, Instant createdAt,
                       Instant deletedAt, String movedTo) {
        this(id, handle, displayName, publicProfile, country, birthDate, fediverseSharing, consentVersion, createdAt,
                deletedAt, movedTo, List.of());
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean moved() {
        return movedTo != null;
    }
}
