package dev.weft.infrastructure.config;

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
    FediverseEligibility fediverseEligibility(WeftProperties properties) {
        WeftProperties.Fediverse fediverse = properties.fediverse();
        return new FediverseEligibility(new HashSet<>(fediverse.eligibleCountries()), fediverse.consentVersion());
    }

    @Bean
    Clock systemClock() {
        return Instant::now;
    }
}
