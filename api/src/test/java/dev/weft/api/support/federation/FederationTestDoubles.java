package dev.weft.api.support.federation;

import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.infrastructure.federation.signatures.OutgoingRequestSigner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Stand-ins for the key vault and the signer while they are built on other branches. An
 * auto-configuration (listed in test resources), so it is considered after every real bean
 * and backs off as soon as the real ones exist.
 */
@AutoConfiguration
public class FederationTestDoubles {

    @Bean
    @ConditionalOnMissingBean(ActorKeys.class)
    ActorKeys inMemoryActorKeys() {
        return new InMemoryActorKeys();
    }

    @Bean
    @ConditionalOnMissingBean(OutgoingRequestSigner.class)
    OutgoingRequestSigner recordingSigner() {
        return new KeyIdOnlySigner();
    }
}
