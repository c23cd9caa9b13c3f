package dev.weft.application.federation.remote;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * What Weft keeps of a remote actor: where to deliver, and its public keys by key id
 * (the RSA publicKey and any assertionMethod Multikeys), and the other ids it claims
 * (alsoKnownAs), which a Move must be confirmed by.
 */
public record RemoteActorProfile(String id, String type, String preferredUsername, String name, String inbox,
                                 String sharedInbox, String host, Map<String, PublicKey> keys,
                                 List<String> alsoKnownAs) {

    public RemoteActorProfile {
        keys = Map.copyOf(keys);
        alsoKnownAs = alsoKnownAs == null ? List.of() : List.copyOf(alsoKnownAs);
    }

    public String deliveryInbox() {
        return sharedInbox != null ? sharedInbox : inbox;
    }
}
