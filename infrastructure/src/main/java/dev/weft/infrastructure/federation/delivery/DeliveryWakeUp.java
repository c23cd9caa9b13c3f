package dev.weft.infrastructure.federation.delivery;

import dev.weft.infrastructure.shared.WorkSignal;
import org.springframework.stereotype.Component;

/** Lets an enqueue on this node start the poller at once instead of at its next tick. */
@Component
public class DeliveryWakeUp extends WorkSignal {
}
