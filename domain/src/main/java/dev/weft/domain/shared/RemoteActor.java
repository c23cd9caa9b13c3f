package dev.weft.domain.shared;

import java.net.URI;
import java.util.Locale;

/**
 * An actor on another server. Its id is the ActivityPub actor IRI; the host is kept
 * apart because follower counts, deliveries and domain blocks are all per server.
 */
public record RemoteActor(@PersonalData String actorId, String host) {
    public RemoteActor {
        if (actorId == null || actorId.isBlank()) {
            throw new InvalidValueException("actorId", "a remote actor id is required");
        }
        if (host == null || host.isBlank()) {
            host = hostOf(actorId);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    public static RemoteActor of(String actorId) {
        return new RemoteActor(actorId, null);
    }

    public static String hostOf(String iri) {
        try {
            String host = URI.create(iri).getHost();
            if (host == null) {
                throw new InvalidValueException("actorId", "remote actor id must be an absolute URL with a host: " + iri);
            }
            return host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("actorId", "remote actor id is not a valid URL: " + iri);
        }
    }
}
