package dev.weft.infrastructure.federation.delivery;

import dev.weft.application.federation.delivery.DeliveryReports;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.config.WeftProperties;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DeliveryEngineProperties.class)
public class DeliveryConfiguration {

    @Bean
    DeliverySettings deliverySettings(WeftProperties properties, DeliveryEngineProperties engine) {
        return DeliverySettings.of(properties, engine);
    }

    @Bean
    HostGuards hostGuards(DeliverySettings settings) {
        return new HostGuards(settings);
    }

    /**
     * The node id names the leases this process holds; it is new at every start, so a
     * restarted node never mistakes a dead predecessor's leases for its own.
     */
    @Bean
    DeliveryWorker deliveryWorker(DeliveryStore store, DeliverySender sender, HostGuards guards, ServerHealth health,
                                  DeliveryReports reports, DeliveryWakeUp wakeUp, Clock clock,
                                  DeliverySettings settings, WeftProperties properties) {
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
        WeftProperties.Delivery delivery = properties.federation().delivery();
        Duration drain = delivery.connectTimeout().plus(delivery.readTimeout()).plusSeconds(2);
        return new DeliveryWorker(store, sender, guards, health, reports, wakeUp, clock, settings, node, drain);
    }
}
