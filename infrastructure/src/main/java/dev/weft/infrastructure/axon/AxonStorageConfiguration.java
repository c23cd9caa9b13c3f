package dev.weft.infrastructure.axon;

import dev.weft.domain.accounts.Account;
import dev.weft.domain.delivery.ActivityDelivery;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.PostCopy;
import dev.weft.domain.distribution.PostDistribution;
import dev.weft.domain.graph.IncomingFollow;
import dev.weft.domain.graph.OutgoingFollow;
import dev.weft.domain.remotepeople.RemotePerson;
import dev.weft.domain.posts.Post;
import dev.weft.domain.remoteposts.RemotePost;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC stores on PostgreSQL, declared here because Axon's own JDBC auto-configuration
 * runs before Boot 4 has a DataSource and backs off (STACK.md, trap 1). The transaction
 * manager is Spring's, so a projection's rows and its token commit together (trap 2).
 */
@Configuration
public class AxonStorageConfiguration {

    /** Axon's own event store but for the lookup of staged events (see the class). */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return new StagedEventIndexingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @Primary
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                .schema(AxonTables.EVENTS)
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(AxonTables.TOKENS)
                .build();
    }

    /** Picked up by Axon's own JDBC auto-configuration too, should it activate, so both agree on names. */
    @Bean
    EventSchema eventSchema() {
        return AxonTables.EVENTS;
    }

    @Bean
    TokenSchema tokenSchema() {
        return AxonTables.TOKENS;
    }

    @Bean
    SequencingPolicy<org.axonframework.eventhandling.EventMessage<?>> accountSequencingPolicy() {
        return new AccountSequencingPolicy();
    }

    /** A projection that cannot apply an event must stop and retry, never skip it silently. */
    @Bean
    ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** Shared by every aggregate type; keys are aggregate identifiers, which are UUIDs. */
    @Bean
    Cache aggregateCache(@Value("${weft.aggregate-cache-size:10000}") long maximumSize) {
        return new CaffeineAggregateCache(maximumSize);
    }

    /**
     * Every aggregate a command loads again is cached, and a cached copy is used only while the store's last sequence
     * number for it is the cached one. Trusting the cache outright is safe only for a command
     * that appends (a stale copy clashes on the (aggregate, sequence) key and is retried); many
     * of Weft's append nothing when they find nothing to do (a like already recorded, a follow
     * already ended, may this post be shared?), and a copy made stale by another node would
     * silently answer from the past.
     */
    @Bean
    ConfigurerModule aggregates(Cache aggregateCache) {
        return configurer -> {
            for (Class<?> type : new Class<?>[] {Account.class, Post.class, PostCopy.class, PostDistribution.class,
                    IncomingFollow.class, OutgoingFollow.class, RemotePost.class, RemotePerson.class,
                    ActivityDelivery.class}) {
                configurer.configureAggregate(storeCheckedConfiguration(type, aggregateCache));
            }
            // Created once and never loaded again: nothing to cache.
            configurer.configureAggregate(DeliveryReport.class);
        };
    }

    private static <T> AggregateConfigurer<T> storeCheckedConfiguration(Class<T> type, Cache cache) {
        return AggregateConfigurer.defaultConfiguration(type).configureRepository(c -> storeChecked(type, c, cache));
    }

    /**
     * What Axon's AggregateConfigurer wires by default, with the store-checked repository. The
     * model comes from the same factory component the configurer uses; none of Weft's
     * aggregates has subtypes.
     */
    private static <T> StoreCheckedCachingRepository<T> storeChecked(Class<T> type,
                                                                    org.axonframework.config.Configuration c,
                                                                    Cache cache) {
        AggregateModel<T> model = c.getComponent(AggregateMetaModelFactory.class,
                        () -> new AnnotatedAggregateMetaModelFactory(c.parameterResolverFactory(),
                                c.handlerDefinition(type)))
                .createModel(type);
        return (StoreCheckedCachingRepository<T>) StoreCheckedCachingRepository.builder(type)
                .aggregateModel(model)
                .aggregateFactory(new GenericAggregateFactory<>(model))
                .eventStore(c.eventStore())
                .repositoryProvider(c::repository)
                .spanFactory(c.getComponent(RepositorySpanFactory.class))
                .cache(cache)
                .build();
    }

}
