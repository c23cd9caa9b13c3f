package dev.weft.infrastructure.axon;

import dev.weft.application.projections.ProjectionAdmin;
import dev.weft.application.projections.ProjectionStatus;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.util.Set;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Retries, by itself, a parked sequence whose first event failed only because it met
 * another thread or node: a policy's command holds its aggregate's lock until the whole
 * processor batch commits, so two processors' batches can each hold what the other wants,
 * and Axon breaks that by failing one of them. Parked, such an event stopped its account
 * until an operator pressed Retry; the same event succeeds once the other batch is done.
 * Sequences parked for any other reason wait for the operator, as before.
 */
@Component
class TransientDeadLetterRetry extends PeriodicJob {
    private static final Duration EVERY = Duration.ofSeconds(5);
    /** Enough to clear what one lock conflict parks, without letting one run go on forever. */
    private static final int MAX_SEQUENCES_PER_RUN = 100;
    private static final Set<String> TRANSIENT = Set.of(DeadlockException.class.getName(),
            ConcurrencyException.class.getName(), PessimisticLockingFailureException.class.getName(),
            CannotAcquireLockException.class.getName(), QueryTimeoutException.class.getName());
    private final EventProcessingConfiguration processing;
    private final ProjectionAdmin projections;

    TransientDeadLetterRetry(EventProcessingConfiguration processing, ProjectionAdmin projections) {
        super("transient-dead-letter-retry");
        this.processing = processing;
        this.projections = projections;
    }

    @Override
    protected Duration interval() {
        return EVERY;
    }

    /**
     * A projection being rebuilt is left alone: the rebuild leaves parked events out of its
     * twin, so one applied to the live tables meanwhile would be missing after the swap.
     */
    @Override
    protected void runOnce() {
        for (ProjectionStatus status : projections.statuses()) {
            if (status.deadLetters() > 0 && "live".equals(status.state())) {
                retryTransient(status.name());
            }
        }
    }

    private void retryTransient(String group) {
        processing.sequencedDeadLetterProcessor(group).ifPresent(processor -> {
            int sequences = 0;
            while (sequences++ < MAX_SEQUENCES_PER_RUN && processor.process(TransientDeadLetterRetry::isTransient)) {
                // each call retried one parked sequence, oldest first
            }
        });
    }

    static boolean isTransient(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.cause().map(cause -> TRANSIENT.contains(cause.type())).orElse(false);
    }
}
