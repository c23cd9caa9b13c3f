package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.CrossPostSender;
import dev.weft.application.crossposting.CrossPostSettings;
import dev.weft.application.crossposting.formatting.CrossPostFormatter;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.config.WeftProperties;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class CrosspostingConfiguration {

    @Bean
    CrossPostSettings crossPostSettings(WeftProperties properties) {
        WeftProperties.Crossposting settings = properties.crossposting();
        return new CrossPostSettings(settings.initialBackoff(), settings.maxRetryDuration(),
                settings.waitWithoutHint());
    }

    @Bean
    PlatformEndpoints platformEndpoints(WeftProperties properties) {
        WeftProperties.Crossposting settings = properties.crossposting();
        return new PlatformEndpoints(settings.threadsBaseUrl(), settings.facebookBaseUrl(), settings.blueskyPds(),
                settings.blueskyWebUrl(), settings.containerPollInterval(), settings.containerInlineWait(),
                settings.containerRecheck(), settings.instanceRulesTtl(), settings.threadsRefreshBefore());
    }

    /** Bare mentions of Weft accounts become mentions at this server's own domain. */
    @Bean
    CrossPostFormatter crossPostFormatter(WeftProperties properties) {
        return new CrossPostFormatter(properties.baseUrl(), URI.create(properties.baseUrl()).getRawAuthority());
    }

    /** A node id new at every start, so a restarted node never takes a dead one's leases for its own. */
    @Bean
    CrossPostWorker crossPostWorker(JdbcCrossPostWork work, CrossPostSender sender, CrossPostWakeUp wakeUp,
                                    Clock clock, WeftProperties properties) {
        WeftProperties.Crossposting settings = properties.crossposting();
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
        work.leaseAs(node, settings.lease());
        WeftProperties.Delivery http = properties.federation().delivery();
        Duration drain = http.connectTimeout().plus(http.readTimeout()).plusSeconds(2);
        return new CrossPostWorker(work, sender, wakeUp, clock, settings.workers(), settings.pollInterval(), drain);
    }
}
