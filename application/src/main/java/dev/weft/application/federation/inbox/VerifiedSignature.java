package dev.weft.application.federation.inbox;

/** Who signed a request: the key, the actor that owns it, and the scheme used. */
public record VerifiedSignature(String keyId, String actorId, String scheme) {
}
