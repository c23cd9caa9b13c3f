package dev.weft.application.shared;

import dev.weft.domain.shared.DomainRuleException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the commands a policy decides on. A refusal is the aggregate's last word on a
 * fact that was already true when the policy saw it, so it is logged, not retried: a
 * retry would block the projection that hosts the policy behind one stale decision.
 */
@Component
public class PolicyCommands {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCommands.class);
    private final CommandSender commands;

    public PolicyCommands(CommandSender commands) {
        this.commands = commands;
    }

    public void send(String policy, Object command) {
        try {
            commands.send(command);
        } catch (DomainRuleException | AggregateNotFoundException e) {
            LOG.info("{} skipped {}: {}", policy, command.getClass().getSimpleName(), e.getMessage());
        }
    }
}
