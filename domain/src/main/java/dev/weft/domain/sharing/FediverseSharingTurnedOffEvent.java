package dev.weft.domain.sharing;

import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** consentVersion is the consent being withdrawn, so the audit trail pairs each start with its end. */
public record FediverseSharingTurnedOffEvent(String accountId, String consentVersion, SharingStopReason reason,
                                             Instant turnedOffAt) implements AccountEvent {
}
