package dev.weft.infrastructure.federation.signatures;

/** draft-cavage-http-signatures-12, which every fediverse server reads, or RFC 9421. */
public enum SignatureScheme {
    DRAFT_CAVAGE,
    RFC9421
}
