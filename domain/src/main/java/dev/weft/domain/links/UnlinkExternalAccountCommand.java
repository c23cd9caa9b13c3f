package dev.weft.domain.links;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkExternalAccountCommand(@TargetAggregateIdentifier String accountId, String linkId, Instant at) {
}
