package dev.weft.application.accounts;

import java.time.Instant;
import java.time.LocalDate;

/** movedTo is the actor the account moved to, null while it has not moved. */
public record AccountView(String id, String handle, String displayName, boolean publicProfile, String country,
                          LocalDate birthDate, boolean fediverseSharing, String consentVersion, Instant createdAt,
                          Instant deletedAt, String movedTo) {
    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean moved() {
        return movedTo != null;
    }
}
