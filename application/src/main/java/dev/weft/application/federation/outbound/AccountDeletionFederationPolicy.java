package dev.weft.application.federation.outbound;

import dev.weft.application.distribution.CopyReader;
import dev.weft.application.engagement.EngagementReader;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.shared.RemoteActor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Delete(Person) of a deleted account goes to every server that may have something of
 * it, not only to its followers': each inbox any of its activities went to, and the
 * servers that hold its posts through their people's likes, reposts and replies (or the
 * witness of a holder). The activity is named by the deletion's moment, as the followers'
 * one is, so an inbox both would address gets it once.
 */
@Component
@ProcessingGroup(ProcessingGroups.SHARING_STATUS)
@Order(200)
public class AccountDeletionFederationPolicy {
    private final OutboundActivities outbound;
    private final DeliveryOutbox outbox;
    private final ActivityDocuments documents;
    private final EngagementReader engagement;
    private final CopyReader copies;
    private final RemoteActors remoteActors;
    private final FederationUrls urls;
    private final Clock clock;

    public AccountDeletionFederationPolicy(OutboundActivities outbound, DeliveryOutbox outbox,
                                           ActivityDocuments documents, EngagementReader engagement, CopyReader copies,
                                           RemoteActors remoteActors, FederationUrls urls, Clock clock) {
        this.outbound = outbound;
        this.outbox = outbox;
        this.documents = documents;
        this.engagement = engagement;
        this.copies = copies;
        this.remoteActors = remoteActors;
        this.urls = urls;
        this.clock = clock;
    }

    @EventHandler
    void on(AccountDeletedEvent event) {
        outbound.handleOf(event.accountId()).ifPresent(handle -> outbound.send(event.accountId(),
                DeliveryPurpose.ACTOR_DELETE, documents.deleteActor(handle, event.deletedAt()),
                targets(event.accountId()), clock.now()));
    }

    private List<OutboundActivities.Target> targets(String accountId) {
        Map<String, OutboundActivities.Target> targets = new LinkedHashMap<>();
        outbox.recipientsOfAccount(accountId).forEach(r -> targets.putIfAbsent(r.inbox(),
                new OutboundActivities.Target(r.inbox(), r.host(), null)));
        Stream.concat(engagement.actorsEngagedWithPostsOf(accountId).stream(),
                        copies.witnessesOfAccount(accountId).stream())
                .filter(actorId -> !urls.isLocal(actorId))
                .forEach(actorId -> remoteActors.known(actorId).map(RemoteActorProfile::deliveryInbox)
                        .ifPresent(inbox -> targets.putIfAbsent(inbox, new OutboundActivities.Target(inbox,
                                RemoteActor.hostOf(actorId), null))));
        return List.copyOf(targets.values());
    }
}
