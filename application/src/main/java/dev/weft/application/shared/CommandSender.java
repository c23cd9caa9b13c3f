package dev.weft.application.shared;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command and waits for its result. When another node appended to the same
 * aggregate first, the command is retried against the fresh state instead of failing
 * the caller: that conflict is the normal cost of running several nodes. Inside a caller's
 * transaction no retry is possible (PostgreSQL has aborted it), so the conflict goes up to
 * whoever owns that transaction: a projection batch retries as a whole.
 */
@Component
public class CommandSender {
    private final CommandGateway gateway;
    private final Retry retry = Retry.of("aggregate-conflict", RetryConfig.custom()
            .maxAttempts(4)
            .waitDuration(Duration.ofMillis(20))
            .retryOnException(e -> e instanceof ConcurrencyException)
            .build());

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return sendOnce(command);
        }
        return retry.executeSupplier(() -> sendOnce(command));
    }

    private <R> R sendOnce(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            throw unwrapped(e);
        }
    }

    private static RuntimeException unwrapped(CommandExecutionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }
}
