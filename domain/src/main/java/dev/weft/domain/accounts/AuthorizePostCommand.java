package dev.weft.domain.accounts;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent to the account before a post is published. A null crossPostTo or shareToFediverse
 * means "use the account's defaults". Answers a {@link PostPermit} and records nothing.
 */
public record AuthorizePostCommand(@TargetAggregateIdentifier String accountId, List<String> crossPostTo,
                                   Boolean shareToFediverse) {
}
