package dev.weft.domain.accounts;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person's other accounts, by actor IRI: a server moving one of them here checks for its name. */
public record SetAlsoKnownAsCommand(@TargetAggregateIdentifier String accountId, List<String> aliases, Instant at) {
}
