package dev.weft.infrastructure.federation.inbox;

import dev.weft.infrastructure.shared.WorkSignal;
import org.springframework.stereotype.Component;

/** Wakes this node's inbox workers when an activity is stored. */
@Component
public class InboxWakeUp extends WorkSignal {
    public InboxWakeUp() {
        super("weft_inbox");
    }
}
