package dev.weft.infrastructure.federation.inbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The inbox's settings, read by its workers and its retention alike. */
@Configuration
@EnableConfigurationProperties(InboxProperties.class)
public class InboxConfiguration {
}
