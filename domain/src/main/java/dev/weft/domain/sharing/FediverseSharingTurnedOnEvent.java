package dev.weft.domain.sharing;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

public record FediverseSharingTurnedOnEvent(String accountId, String consentVersion, Instant turnedOnAt)
        implements AccountEvent {
}
