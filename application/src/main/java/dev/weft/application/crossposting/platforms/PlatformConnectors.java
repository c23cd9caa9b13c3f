package dev.weft.application.crossposting.platforms;

import dev.weft.domain.links.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The connector for each platform; every platform Weft links to must have exactly one. */
@Component
public class PlatformConnectors {
    private final Map<Platform, PlatformConnector> byPlatform = new EnumMap<>(Platform.class);

    public PlatformConnectors(List<PlatformConnector> connectors) {
        for (PlatformConnector connector : connectors) {
            if (byPlatform.put(connector.platform(), connector) != null) {
                throw new IllegalStateException("two connectors for " + connector.platform());
            }
        }
    }

    public PlatformConnector of(Platform platform) {
        PlatformConnector connector = byPlatform.get(platform);
        if (connector == null) {
            throw new IllegalStateException("no connector for " + platform.wireName());
        }
        return connector;
    }
}
