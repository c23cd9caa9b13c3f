package dev.weft.application.federation.fetch;

import dev.weft.application.federation.inbox.RequestSignatureVerifier;
import dev.weft.application.federation.inbox.SignedRequest;
import dev.weft.application.graph.GraphReader;
import dev.weft.domain.shared.RemoteActor;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may fetch what is not public: a followers-only post goes to its followers' servers,
 * so a fetch signed by any actor of a server with an accepted follower (its people, or its
 * instance actor, as servers with authorized fetch sign) may read it again.
 */
@Service
public class SignedFetches {
    private final RequestSignatureVerifier verifier;
    private final GraphReader graph;

    public SignedFetches(RequestSignatureVerifier verifier, GraphReader graph) {
        this.verifier = verifier;
        this.graph = graph;
    }

    /**
     * @return the verified signer of the fetch, empty when it is unsigned
     * @throws dev.weft.application.federation.inbox.SignatureRejectedException for a bad signature
     */
    public Optional<String> signer(SignedRequest request) {
        if (request.header("signature") == null && request.header("signature-input") == null) {
            return Optional.empty();
        }
        return Optional.of(verifier.verify(request).actorId());
    }

    /** Whether the signer's server has an accepted follower of the author. */
    public boolean fromFollowersServer(String signerActorId, String authorAccountId) {
        return graph.hasAcceptedFollowerOn(authorAccountId, RemoteActor.hostOf(signerActorId));
    }
}
