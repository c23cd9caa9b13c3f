package dev.weft.application.federation.remote;

import java.util.Optional;

/** Finds the actor behind a handle such as {@code user@example.social} (RFC 7033). */
public interface WebFinger {
    /**
     * @param user   the part before the '@'
     * @param domain the WebFinger domain, with a port when one is given
     * @return the actor IRI of the {@code self} link; empty when the server knows no such
     *         account, names no ActivityPub actor for it, or cannot be reached
     */
    Optional<String> actorOf(String user, String domain);
}
