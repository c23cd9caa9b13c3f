package dev.weft.infrastructure.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class SharedReadTest {

    @Test
    void servesAReaderAtItsPositionWhosePendingIndexesItRead() {
        SharedRead read = new SharedRead(10, Set.of(3L, 7L), Map.of(), events(11, 12), 500);

        assertThat(read.serves(10, Set.of(3L, 7L))).isTrue();
        assertThat(read.serves(10, Set.of(7L))).isTrue();
        assertThat(read.serves(10, Set.of())).isTrue();
    }

    @Test
    void doesNotServeAReaderElsewhereOrWithAPendingIndexItDidNotRead() {
        SharedRead read = new SharedRead(10, Set.of(3L), Map.of(), events(11, 12), 500);

        assertThat(read.serves(11, Set.of(3L))).isFalse();
        assertThat(read.serves(10, Set.of(3L, 4L))).isFalse();
    }

    @Test
    void isFullWhenItReturnedItsLimitAndEndsAtItsLastEvent() {
        assertThat(new SharedRead(10, Set.of(), Map.of(), events(11, 14), 2).full()).isTrue();
        assertThat(new SharedRead(10, Set.of(), Map.of(), events(11), 2).full()).isFalse();
        assertThat(new SharedRead(10, Set.of(), Map.of(), events(11, 14), 2).lastIndex()).isEqualTo(14);
        assertThat(new SharedRead(10, Set.of(), Map.of(), List.of(), 2).lastIndex()).isEqualTo(10);
    }

    @Test
    void readsThePayloadsOfOnlyTheEventsSomeReaderHandles() {
        List<Long> payloadsRead = new ArrayList<>();
        List<TrackedEventMessage<?>> events = List.of(counted(1, payloadsRead), counted(2, payloadsRead),
                counted(3, payloadsRead));

        new SharedRead(0, Set.of(), Map.of(), events, 500).deserialized(event -> EventLog.indexOf(event) != 2);

        assertThat(payloadsRead).containsExactly(1L, 3L);
    }

    @Test
    void leavesAPayloadThatCannotBeReadToTheProjectionThatHandlesIt() {
        TrackedEventMessage<?> unreadable = new GenericTrackedEventMessage<Object>(
                GapAwareTrackingToken.newInstance(1, List.of()), GenericEventMessage.<Object>asEventMessage("x")) {
            @Override
            public String getPayload() {
                throw new IllegalStateException("no key for this field");
            }
        };

        SharedRead read = new SharedRead(0, Set.of(), Map.of(), List.of(unreadable), 500).deserialized(event -> true);

        assertThat(read.events()).containsExactly(unreadable);
    }

    private static TrackedEventMessage<?> counted(long index, List<Long> payloadsRead) {
        return new GenericTrackedEventMessage<Object>(GapAwareTrackingToken.newInstance(index, List.of()),
                GenericEventMessage.<Object>asEventMessage("event " + index)) {
            @Override
            public String getPayload() {
                payloadsRead.add(index);
                return super.getPayload().toString();
            }
        };
    }

    private static List<TrackedEventMessage<?>> events(long... indexes) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (long index : indexes) {
            events.add(new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(index, List.of()),
                    GenericEventMessage.asEventMessage("event " + index)));
        }
        return events;
    }
}
