package dev.weft.infrastructure.axon;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler of a dead-lettering projection group inside a savepoint. A failed
 * statement aborts a whole PostgreSQL transaction; without the savepoint the batch could not
 * even record the dead letter, and one bad event would stall the projection forever.
 */
@Component
public class SavepointPerProjectionEvent implements HandlerEnhancerDefinition {
    private final TransactionTemplate savepoint;

    public SavepointPerProjectionEvent(@Lazy PlatformTransactionManager transactionManager) {
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean eventHandler = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent();
        if (!eventHandler || !inDeadLetteringGroup(original.declaringClass())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                return inSavepoint(() -> super.handle(message, target));
            }
        };
    }

    private Object inSavepoint(HandlerCall call) throws Exception {
        try {
            return savepoint.execute(status -> {
                try {
                    return call.run();
                } catch (Exception e) {
                    throw new HandlerFailure(e);
                }
            });
        } catch (HandlerFailure failure) {
            throw failure.cause;
        }
    }

    private static boolean inDeadLetteringGroup(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(ProcessingGroup.class))
                .map(group -> DeadLetterConfiguration.GROUPS_WITH_DEAD_LETTERS.contains(group.value()))
                .orElse(false);
    }

    private interface HandlerCall {
        Object run() throws Exception;
    }

    /** Carries a checked handler exception through the template, which rolls back to the savepoint. */
    private static final class HandlerFailure extends RuntimeException {
        private final Exception cause;

        HandlerFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
