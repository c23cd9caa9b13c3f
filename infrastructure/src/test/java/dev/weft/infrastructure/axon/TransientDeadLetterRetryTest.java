package dev.weft.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** Only a sequence parked by a conflict with another thread or node is retried without the operator. */
class TransientDeadLetterRetryTest {
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void aLockConflictBetweenThreadsOrNodesIsRetried() {
        assertThat(TransientDeadLetterRetry.isTransient(parkedFor(new DeadlockException("imminent deadlock")))).isTrue();
        assertThat(TransientDeadLetterRetry.isTransient(parkedFor(new ConcurrencyException("appended first")))).isTrue();
        assertThat(TransientDeadLetterRetry.isTransient(parkedFor(new CannotAcquireLockException("lock timeout"))))
                .isTrue();
    }

    @Test
    void anyOtherFailureWaitsForTheOperator() {
        assertThat(TransientDeadLetterRetry.isTransient(parkedFor(new IllegalStateException("poison")))).isFalse();
        assertThat(TransientDeadLetterRetry.isTransient(parkedFor(new IllegalArgumentException("bad value")))).isFalse();
    }

    @Test
    void anEventParkedBehindAnotherIsNotWhatDecides() {
        DeadLetter<EventMessage<?>> queuedBehind = new GenericDeadLetter<>("account-1", event);

        assertThat(TransientDeadLetterRetry.isTransient(queuedBehind)).isFalse();
    }

    private DeadLetter<EventMessage<?>> parkedFor(Throwable cause) {
        return new GenericDeadLetter<>("account-1", event, cause);
    }
}
