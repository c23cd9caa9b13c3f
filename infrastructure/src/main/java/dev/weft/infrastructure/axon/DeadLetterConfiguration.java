package dev.weft.infrastructure.axon;

import dev.weft.application.shared.ProcessingGroups;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * An event a projection cannot apply is parked in PostgreSQL with its whole sequence (the
 * account's later events wait behind it), so one poison event stops one account, not the
 * projection. The directory is left out: its failures must fail the command instead.
 */
@org.springframework.context.annotation.Configuration
public class DeadLetterConfiguration {
    static final Set<String> GROUPS_WITH_DEAD_LETTERS = ProcessingGroups.STREAMING;

    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing().registerDeadLetterQueueProvider(group ->
                GROUPS_WITH_DEAD_LETTERS.contains(group)
                        ? queueFor(group, connectionProvider, transactionManager, serializer, eventSerializer)
                        : null);
    }

    /**
     * Without it, every event each of these groups handles first asks PostgreSQL whether its
     * sequence is parked. The cache answers "not parked" only where that is certain: the
     * segment's queue was empty when this node claimed it and this node parked nothing for
     * the sequence since; only a segment's owner parks letters for it.
     */
    @Bean
    ConfigurerModule deadLetterSequenceCache() {
        return configurer -> GROUPS_WITH_DEAD_LETTERS.forEach(group -> configurer.eventProcessing()
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    private static Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>> queueFor(
            String group, ConnectionProvider connectionProvider, TransactionManager transactionManager,
            Serializer serializer, Serializer eventSerializer) {
        return config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(AxonTables.DEAD_LETTERS)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }
}
