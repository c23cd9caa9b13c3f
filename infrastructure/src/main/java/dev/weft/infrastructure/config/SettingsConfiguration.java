package dev.weft.infrastructure.config;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.WeftSettings;
import dev.weft.domain.sharing.FediverseEligibility;
import java.time.Instant;
import java.util.HashSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WeftProperties.class)
public class SettingsConfiguration {

    @Bean
    WeftSettings weftSettings(WeftProperties properties) {
        return new WeftSettings(properties.baseUrl());
    }

    @Bean
    FederationSettings federationSettings(WeftProperties properties) {
        WeftProperties.Federation federation = properties.federation();
        return new FederationSettings(properties.baseUrl(), federation.delay(), federation.domainBlocks().suspend(),
                federation.domainBlocks().silence());
    }

    @Bean
    FederationUrls federationUrls(FederationSettings settings) {
        return new FederationUrls(settings);
    }

    @Bean
    FediverseEligibility fediverseEligibility(WeftProperties properties) {
        WeftProperties.Fediverse fediverse = properties.fediverse();
        return new FediverseEligibility(new HashSet<>(fediverse.eligibleCountries()), fediverse.consentVersion());
    }

    @Bean
    Clock systemClock() {
        return Instant::now;
    }
}
