package dev.weft.domain.accounts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkLinkNeedsReauthorizationCommand(@TargetAggregateIdentifier String accountId, String linkId,
                                                  String reason, Instant at) {
}
