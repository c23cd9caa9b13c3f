package dev.weft.domain.links;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/** overflow is null in links made before it could be chosen: those refuse posts too long. */
public record ExternalAccountLinkedEvent(
        String accountId,
        String linkId,
        Platform platform,
        boolean crossPostByDefault,
        Instant linkedAt,
        @PersonalData(subject = "accountId") LinkedAccountData personal,
        OverflowRule overflow) implements AccountEvent {

    public ExternalAccountLinkedEvent(String accountId, String linkId, Platform platform, boolean crossPostByDefault,
                                      Instant linkedAt, LinkedAccountData personal) {
        this(accountId, linkId, platform, crossPostByDefault, linkedAt, personal, OverflowRule.REFUSE);
    }

    public OverflowRule overflowRule() {
        return overflow == null ? OverflowRule.REFUSE : overflow;
    }
}
