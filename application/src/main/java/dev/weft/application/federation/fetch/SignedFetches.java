package dev.weft.application.federation.fetch;

import dev.weft.application.federation.inbox.RequestSignatureVerifier;
import dev.weft.application.federation.inbox.SignedRequest;
import dev.weft.application.graph.GraphReader;
import dev.weft.domain.shared.RemoteActor;
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
     * @return false for an unsigned fetch or one from a server without an accepted follower
     * @throws dev.weft.application.federation.inbox.SignatureRejectedException for a bad signature
     */
    public boolean fromFollowersServer(SignedRequest request, String authorAccountId) {
        if (request.header("signature") == null && request.header("signature-input") == null) {
            return false;
        }
        String host = RemoteActor.hostOf(verifier.verify(request).actorId());
        return graph.hasAcceptedFollowerOn(authorAccountId, host);
    }
}
