package dev.weft.infrastructure.crossposting;

import dev.weft.infrastructure.shared.WorkSignal;
import org.springframework.stereotype.Component;

/** Wakes this node's cross-post workers when a copy is queued or comes due again. */
@Component
public class CrossPostWakeUp extends WorkSignal {
    public CrossPostWakeUp() {
        super("weft_crosspost");
    }
}
