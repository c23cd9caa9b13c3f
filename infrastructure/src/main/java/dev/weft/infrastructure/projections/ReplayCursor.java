package dev.weft.infrastructure.projections;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * What a rebuild has applied, as a token the event store can resume from. An event read
 * but not yet covered by the live processor is kept as a gap, so it is read again later.
 */
final class ReplayCursor {
    private static final int NO_GAP_LIMIT = Integer.MAX_VALUE;
    private GapAwareTrackingToken token;

    /** A swap that rolls back must resume from where the cursor stood before it. */
    ReplayCursor copy() {
        ReplayCursor copy = new ReplayCursor();
        copy.token = token;
        return copy;
    }

    TrackingToken token() {
        return token;
    }

    void applied(TrackedEventMessage<?> event) {
        token = advanced(event);
    }

    void deferred(TrackedEventMessage<?> event) {
        GapAwareTrackingToken advanced = advanced(event);
        Set<Long> gaps = new TreeSet<>(advanced.getGaps());
        gaps.add(LiveTokens.indexOf(event));
        token = GapAwareTrackingToken.newInstance(advanced.getIndex(), gaps);
    }

    private GapAwareTrackingToken advanced(TrackedEventMessage<?> event) {
        long index = LiveTokens.indexOf(event);
        if (token == null) {
            return GapAwareTrackingToken.newInstance(index, gapsBelow(event));
        }
        return token.advanceTo(index, NO_GAP_LIMIT);
    }

    private static Set<Long> gapsBelow(TrackedEventMessage<?> event) {
        TrackingToken eventToken = event.trackingToken();
        return eventToken instanceof GapAwareTrackingToken g ? g.getGaps() : Set.of();
    }
}
