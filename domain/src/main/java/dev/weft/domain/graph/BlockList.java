package dev.weft.domain.graph;

import dev.weft.domain.shared.RemoteActor;
import java.util.HashSet;
import java.util.Set;

/** The actors and servers one account refuses. */
public final class BlockList {
    private final Set<String> actors = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    public boolean blocksActor(String actorId) {
        return actors.contains(actorId);
    }

    public boolean blocksDomain(String domain) {
        return domains.contains(domain);
    }

    /** A block of a.example also covers its subdomains, as Mastodon's domain blocks do. */
    public boolean blocks(RemoteActor actor) {
        if (actors.contains(actor.actorId())) {
            return true;
        }
        return domains.stream().anyMatch(d -> actor.host().equals(d) || actor.host().endsWith("." + d));
    }

    public void addActor(String actorId) {
        actors.add(actorId);
    }

    public void removeActor(String actorId) {
        actors.remove(actorId);
    }

    public void addDomain(String domain) {
        domains.add(domain);
    }

    public void removeDomain(String domain) {
        domains.remove(domain);
    }
}
