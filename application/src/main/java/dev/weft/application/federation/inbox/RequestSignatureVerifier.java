package dev.weft.application.federation.inbox;

/**
 * Checks an inbound request's HTTP signature (draft-cavage-12 or RFC 9421), its body
 * digest (Digest or Content-Digest) and its freshness, fetching the signer's key; a key
 * that fails is fetched again once, because keys rotate.
 */
public interface RequestSignatureVerifier {
    /** @throws SignatureRejectedException naming why the request is not trusted */
    VerifiedSignature verify(SignedRequest request);
}
