package dev.weft.application.federation.keys;

import java.security.KeyPair;

/** RSA-2048 signs HTTP requests as the fediverse expects; Ed25519 is the FEP-521a Multikey. */
public record ActorKeyPairs(KeyPair rsa, KeyPair ed25519) {
}
