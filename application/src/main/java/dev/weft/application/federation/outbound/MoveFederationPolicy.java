package dev.weft.application.federation.outbound;

import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountMovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells every follower's server that the account moved, so their people follow the new
 * actor: in the followers group, so it reaches the followers in force when it moved.
 */
@Component
@ProcessingGroup(ProcessingGroups.FOLLOWERS)
@Order(200)
public class MoveFederationPolicy {
    private final OutboundActivities outbound;
    private final ActivityDocuments documents;

    public MoveFederationPolicy(OutboundActivities outbound, ActivityDocuments documents) {
        this.outbound = outbound;
        this.documents = documents;
    }

    @EventHandler
    void on(AccountMovedEvent event) {
        outbound.handleOf(event.accountId()).ifPresent(handle -> outbound.toFollowers(event.accountId(),
                DeliveryPurpose.ACTOR_MOVE, documents.move(handle, event.target(), event.movedAt())));
    }
}
