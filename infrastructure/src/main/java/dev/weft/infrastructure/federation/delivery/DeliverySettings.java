package dev.weft.infrastructure.federation.delivery;

import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.federation.signatures.SignatureScheme;
import java.time.Duration;

/** Everything the engine reads from configuration, in one value. */
public record DeliverySettings(int workers, int perHostConcurrency, Duration initialBackoff,
                               Duration maxRetryDuration, int unavailableAfterDays, SignatureScheme scheme,
                               DeliveryEngineProperties engine) {

    public static DeliverySettings of(WeftProperties properties, DeliveryEngineProperties engine) {
        WeftProperties.Delivery delivery = properties.federation().delivery();
        return new DeliverySettings(delivery.workers(), delivery.perHostConcurrency(), delivery.initialBackoff(),
                delivery.maxRetryDuration(), delivery.unavailableAfterDays(),
                scheme(properties.federation().signatureScheme()), engine);
    }

    static SignatureScheme scheme(String name) {
        return switch (name.strip().toLowerCase()) {
            case "draft-cavage", "cavage", "draft_cavage" -> SignatureScheme.DRAFT_CAVAGE;
            case "rfc9421", "rfc-9421" -> SignatureScheme.RFC9421;
            default -> throw new IllegalArgumentException(
                    "weft.federation.signature-scheme must be draft-cavage or rfc9421, not " + name);
        };
    }
}
