package dev.weft.api.support.federation;

import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.federation.keys.ActorKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keys made on first use and kept in memory; a test-only stand-in for the encrypted vault. */
public class InMemoryActorKeys implements ActorKeys {
    private static final String INSTANCE = "\u0000instance";
    private final Map<String, ActorKeyPairs> keys = new ConcurrentHashMap<>();

    @Override
    public ActorKeyPairs forAccount(String accountId) {
        return keys.computeIfAbsent(accountId, id -> generate());
    }

    @Override
    public ActorKeyPairs forInstance() {
        return forAccount(INSTANCE);
    }

    @Override
    public void erase(String accountId) {
        keys.remove(accountId);
    }

    private static ActorKeyPairs generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return new ActorKeyPairs(rsa.generateKeyPair(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
