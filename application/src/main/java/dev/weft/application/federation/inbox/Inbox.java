package dev.weft.application.federation.inbox;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.delivery.ServerAvailability;
import dev.weft.application.remotepeople.RemotePeople;
import dev.weft.application.shared.Clock;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import dev.weft.domain.shared.RemoteActor;
import org.springframework.stereotype.Service;

/**
 * The door for every activity other servers send. An activity is answered 202 only once it
 * is verified, understood, addressed to something that exists here, and stored; a replay,
 * a forgery or a body that is no activity is refused before anything is written.
 */
@Service
public class Inbox {
    private final RequestSignatureVerifier verifier;
    private final InboxRecipients recipients;
    private final InboxQueue queue;
    private final FederationSettings settings;
    private final FederationUrls urls;
    private final ServerAvailability servers;
    private final RemotePeople people;
    private final Clock clock;

    public Inbox(RequestSignatureVerifier verifier, InboxRecipients recipients, InboxQueue queue,
                 FederationSettings settings, FederationUrls urls, ServerAvailability servers, RemotePeople people,
                 Clock clock) {
        this.verifier = verifier;
        this.recipients = recipients;
        this.queue = queue;
        this.settings = settings;
        this.urls = urls;
        this.servers = servers;
        this.people = people;
        this.clock = clock;
    }

    /**
     * @param recipientHandle the handle of a personal inbox, or null for the shared inbox
     * @return the stored activity
     */
    public ReceivedActivity accept(SignedRequest request, String recipientHandle) {
        VerifiedSignature signature = verifier.verify(request);
        InboxActivity activity = ActivityParser.parse(request.body());
        refuseErased(activity);
        requireSignedByItsActor(activity, signature);
        String host = requireAcceptableOrigin(activity);
        String recipient = recipients.recipientOf(activity, recipientHandle);
        ReceivedActivity received = new ReceivedActivity(activity.id(), activity.type(), activity.actorId(), host,
                activity.objectId(), activity.objectType(), recipient, signature.keyId(), signature.scheme(),
                new String(request.body(), java.nio.charset.StandardCharsets.UTF_8), 0, clock.now());
        if (!queue.store(received)) {
            throw new DuplicateActivityException(activity.id());
        }
        servers.heardFrom(host);
        return received;
    }

    /** An erased person is not heard again: storing their activity would keep them anew. */
    private void refuseErased(InboxActivity activity) {
        if (people.erased(activity.actorId())) {
            throw new NotPermittedException("actor", "the actor " + activity.actorId()
                    + " deleted their account and was erased here; nothing more of it is accepted");
        }
    }

    private static void requireSignedByItsActor(InboxActivity activity, VerifiedSignature signature) {
        if (!activity.actorId().equals(signature.actorId())) {
            throw new SignatureRejectedException("the request is signed by " + signature.actorId()
                    + " (key " + signature.keyId() + ") but the activity's actor is " + activity.actorId());
        }
    }

    private String requireAcceptableOrigin(InboxActivity activity) {
        String host = RemoteActor.hostOf(activity.actorId());
        if (urls.isLocal(activity.actorId())) {
            throw new InvalidValueException("actor", "activities of this server's own actors are not accepted");
        }
        if (!host.equals(RemoteActor.hostOf(activity.id()))) {
            throw new InvalidValueException("id", "the activity id " + activity.id()
                    + " is not on its actor's host " + host);
        }
        if (settings.suspended(host)) {
            throw new NotPermittedException("actor", "the domain " + host + " is suspended on this server");
        }
        return host;
    }
}
