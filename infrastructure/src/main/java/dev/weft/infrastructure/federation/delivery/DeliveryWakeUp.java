package dev.weft.infrastructure.federation.delivery;

import dev.weft.infrastructure.shared.WorkSignal;
import org.springframework.stereotype.Component;

/** Lets an enqueue on any node start the pollers at once instead of at their next tick. */
@Component
public class DeliveryWakeUp extends WorkSignal {
    public DeliveryWakeUp() {
        super("weft_delivery");
    }
}
