package dev.weft.domain.accounts;

import dev.weft.domain.shared.AccountEvent;
import dev.weft.domain.shared.PersonalData;
import java.time.Instant;

/** The person's new actor names them, so it is sealed under their key like the rest of the profile. */
public record AccountMovedEvent(String accountId, @PersonalData(subject = "accountId") String target,
                                Instant movedAt) implements AccountEvent {
}
