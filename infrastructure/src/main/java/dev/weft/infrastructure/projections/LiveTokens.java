package dev.weft.infrastructure.projections;

import java.util.Map;
import java.util.Objects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Where the live processor of a projection stands, segment by segment. A rebuild applies
 * exactly the events these tokens cover, so at the swap the new tables hold what the live
 * ones held and the live processor carries on from its own token, policies included.
 */
record LiveTokens(Map<Segment, GapAwareTrackingToken> tokens, SequencingPolicy<? super EventMessage<?>> policy) {

    /**
     * Finding the event's segment asks the sequencing policy, which reads the payload: for an
     * event read from the store that means deserializing it and opening its sealed fields. When
     * every segment is past the index (all of a rebuild but its last batches), the segment does
     * not matter, so the payload of an event the projection does not handle is never read.
     */
    boolean covers(TrackedEventMessage<?> event) {
        long index = EventLog.indexOf(event);
        return passed(index) || covered(tokenFor(event), index);
    }

    /** Whether every segment has moved past the index. */
    boolean passed(long index) {
        return !tokens.isEmpty() && tokens.values().stream().allMatch(token -> covered(token, index));
    }

    private static boolean covered(GapAwareTrackingToken token, long index) {
        return token != null && index <= token.getIndex() && !token.getGaps().contains(index);
    }

    /** The highest index any segment has reached; nothing beyond it can be covered yet. */
    long highestIndex() {
        return tokens.values().stream().filter(Objects::nonNull).mapToLong(GapAwareTrackingToken::getIndex)
                .max().orElse(-1);
    }

    /** The position up to which every segment has processed. */
    long position() {
        if (tokens.isEmpty() || tokens.containsValue(null)) {
            return -1;
        }
        return tokens.values().stream().mapToLong(GapAwareTrackingToken::getIndex).min().orElse(-1);
    }

    private GapAwareTrackingToken tokenFor(TrackedEventMessage<?> event) {
        Object sequence = policy.getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequence == null ? event.getIdentifier() : sequence);
        return tokens.entrySet().stream().filter(e -> e.getKey().matches(hash)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
