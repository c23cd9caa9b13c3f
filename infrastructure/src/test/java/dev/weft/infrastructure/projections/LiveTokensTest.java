package dev.weft.infrastructure.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.junit.jupiter.api.Test;

class LiveTokensTest {
    private final AtomicInteger policyAsked = new AtomicInteger();
    /** Stands in for the account policy, which reads (deserializes and unseals) the payload. */
    private final SequencingPolicy<EventMessage<?>> policy = event -> {
        policyAsked.incrementAndGet();
        return event.getPayload();
    };
    private final Segment[] halves = Segment.ROOT_SEGMENT.split();

    @Test
    void anEventEverySegmentIsPastIsCoveredWithoutAskingThePolicy() {
        LiveTokens tokens = new LiveTokens(Map.of(halves[0], token(10), halves[1], token(12)), policy);

        assertThat(tokens.covers(event(9, "a"))).isTrue();
        assertThat(policyAsked).hasValue(0);
    }

    @Test
    void beyondTheSlowestSegmentTheEventsOwnSegmentDecides() {
        LiveTokens tokens = new LiveTokens(Map.of(halves[0], token(10), halves[1], token(12)), policy);
        String inFast = payloadIn(halves[1]);
        String inSlow = payloadIn(halves[0]);

        assertThat(tokens.covers(event(11, inFast))).isTrue();
        assertThat(tokens.covers(event(11, inSlow))).isFalse();
        assertThat(policyAsked).hasValue(2);
    }

    @Test
    void aGapOfAnySegmentIsNotCoveredThere() {
        LiveTokens tokens = new LiveTokens(Map.of(halves[0], GapAwareTrackingToken.newInstance(10, List.of(5L)),
                halves[1], token(12)), policy);

        assertThat(tokens.covers(event(5, payloadIn(halves[0])))).isFalse();
        assertThat(tokens.covers(event(5, payloadIn(halves[1])))).isTrue();
    }

    private static GapAwareTrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    private static TrackedEventMessage<?> event(long index, String payload) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(index, List.of()),
                GenericEventMessage.asEventMessage(payload));
    }

    private static String payloadIn(Segment segment) {
        for (int i = 0; ; i++) {
            if (segment.matches(("p" + i).hashCode())) {
                return "p" + i;
            }
        }
    }
}
