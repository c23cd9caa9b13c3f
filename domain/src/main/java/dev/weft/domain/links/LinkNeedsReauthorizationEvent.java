package dev.weft.domain.links;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** The platform refused the link's token (expired or revoked); reason is the platform's own words. */
public record LinkNeedsReauthorizationEvent(String accountId, String linkId, Platform platform,
                                            @PersonalData(subject = "accountId") String reason,
                                            Instant detectedAt) implements AccountEvent {
}
