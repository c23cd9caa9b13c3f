package dev.weft.infrastructure.axon;

import dev.weft.domain.shared.AccountEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Everything about one account is handled in order, across its aggregates: a follow
 * accepted before a post was published is seen before that post by the fan-out policy.
 * Once a processor has more than one segment, different accounts go to different segments
 * and are handled in parallel.
 */
public class AccountSequencingPolicy implements SequencingPolicy<EventMessage<?>> {
    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof AccountEvent accountEvent) {
            return accountEvent.accountId();
        }
        return fallback.getSequenceIdentifierFor(event);
    }
}
