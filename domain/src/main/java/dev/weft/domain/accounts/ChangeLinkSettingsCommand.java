package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null fields are left as they are. */
public record ChangeLinkSettingsCommand(@TargetAggregateIdentifier String accountId, String linkId,
                                        Boolean crossPostByDefault, String overflow, Instant at) {
}
