package dev.weft.infrastructure.federation.signatures;

import java.security.PrivateKey;

/** keyId is the URL remote servers dereference to find the public key. */
public record SigningKey(String keyId, PrivateKey privateKey) {
}
