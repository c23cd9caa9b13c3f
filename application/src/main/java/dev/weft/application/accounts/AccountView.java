package dev.weft.application.accounts;

import java.time.Instant;
import java.time.LocalDate;

public record AccountView(String id, String handle, String displayName, boolean publicProfile, String country,
                          LocalDate birthDate, boolean fediverseSharing, String consentVersion, Instant createdAt,
                          Instant deletedAt) {
    public boolean deleted() {
        return deletedAt != null;
    }
}
