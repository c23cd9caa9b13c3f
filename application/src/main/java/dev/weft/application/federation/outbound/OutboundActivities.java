package dev.weft.application.federation.outbound;

import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.delivery.OutboundDelivery;
import dev.weft.domain.shared.DerivedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts one activity into the outbox for each inbox, once: a delivery's id is derived from
 * the activity and the inbox, so a policy that sees its event again enqueues nothing new.
 */
@Component
public class OutboundActivities {
    private final DeliveryOutbox outbox;

    public OutboundActivities(DeliveryOutbox outbox) {
        this.outbox = outbox;
    }

    public record Target(String inbox, String host, String copyId) {
    }

    public void send(String accountId, DeliveryPurpose purpose, ObjectNode activity, Collection<Target> targets,
                     Instant notBefore) {
        String activityId = activity.get("id").asString();
        String json = activity.toString();
        List<OutboundDelivery> deliveries = new ArrayList<>();
        for (Target target : targets) {
            deliveries.add(new OutboundDelivery(DerivedIds.of("delivery", activityId, target.inbox()), accountId,
                    purpose, activityId, json, target.inbox(), target.host(), target.copyId(), notBefore));
        }
        if (!deliveries.isEmpty()) {
            outbox.enqueue(deliveries);
        }
    }
}
