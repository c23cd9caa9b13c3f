package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.LinkSecrets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The link secret store, kept in a map, as connectors see it. */
public final class InMemoryLinkSecrets implements LinkSecrets {
    private final Map<String, LinkSecret> byLink = new ConcurrentHashMap<>();

    public InMemoryLinkSecrets with(String linkId, LinkSecret secret) {
        byLink.put(linkId, secret);
        return this;
    }

    @Override
    public Optional<LinkSecret> reveal(String linkId) {
        return Optional.ofNullable(byLink.get(linkId));
    }

    @Override
    public void replace(String linkId, LinkSecret secret) {
        byLink.put(linkId, secret);
    }

    public LinkSecret stored(String linkId) {
        return byLink.get(linkId);
    }
}
