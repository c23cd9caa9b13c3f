package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import java.util.function.Supplier;

/** Runs a connector's flow, reporting a {@link FailedRequest} met on the way as the outcome it stands for. */
public final class Outcomes {
    private Outcomes() {
    }

    public static PartOutcome ofPublishing(Supplier<PartOutcome> flow) {
        try {
            return flow.get();
        } catch (FailedRequest e) {
            return e.failure().asPartOutcome();
        }
    }

    public static RemovalOutcome ofRemoval(Supplier<RemovalOutcome> flow) {
        try {
            return flow.get();
        } catch (FailedRequest e) {
            return e.failure().asRemovalOutcome();
        }
    }
}
