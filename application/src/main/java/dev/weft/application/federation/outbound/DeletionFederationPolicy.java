package dev.weft.application.federation.outbound;

import dev.weft.application.distribution.CopyReader;
import dev.weft.application.engagement.EngagementReader;
import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.distribution.DeletionOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.distribution.RemoteDeletionRequestedEvent;
import dev.weft.domain.posts.PostDeletedEvent;
import dev.weft.domain.shared.RemoteActor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends Delete(Tombstone) wherever a post went: each inbox its Create was enqueued for, and
 * the servers of everyone who liked, reposted or replied to it, whose copies Weft did not
 * send but which hold the post all the same (their copies are holders: the witness whose
 * act showed it is addressed even once that engagement is undone). It sits with the
 * copies' projection so it sees each deletion request together with the engagement
 * recorded before it.
 */
@Component
@ProcessingGroup(ProcessingGroups.SHARING_STATUS)
@Order(200)
public class DeletionFederationPolicy {
    private static final String NAME = "deletion-federation-policy";
    private final OutboundActivities outbound;
    private final DeliveryOutbox outbox;
    private final ActivityDocuments documents;
    private final EngagementReader engagement;
    private final CopyReader copies;
    private final RemoteActors remoteActors;
    private final PolicyCommands commands;
    private final FederationUrls urls;
    private final FederationSettings settings;
    private final Clock clock;

    public DeletionFederationPolicy(OutboundActivities outbound, DeliveryOutbox outbox, ActivityDocuments documents,
                                    EngagementReader engagement, CopyReader copies, RemoteActors remoteActors,
                                    PolicyCommands commands, FederationUrls urls,
                                    FederationSettings settings, Clock clock) {
        this.outbound = outbound;
        this.outbox = outbox;
        this.documents = documents;
        this.engagement = engagement;
        this.copies = copies;
        this.remoteActors = remoteActors;
        this.commands = commands;
        this.urls = urls;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(RemoteDeletionRequestedEvent event) {
        if (event.destination().kind() != Destination.Kind.FEDIVERSE_SERVER) {
            return;
        }
        String host = event.destination().key();
        // Whatever follows, nothing of the post goes there again and the outbox forgets its text.
        boolean neverSent = outbox.withdrawPending(event.copyId()).neverSent();
        outbox.eraseRecalledContent(event.copyId());
        if (settings.suspended(host)) {
            abandon(event, "the domain " + host + " is suspended on this server: nothing is sent there");
            return;
        }
        String createId = urls.createActivity(event.postId());
        Map<String, OutboundActivities.Target> targets = new LinkedHashMap<>();
        outbox.recipientsOf(createId).stream().filter(r -> host.equals(r.host()))
                .forEach(r -> targets.putIfAbsent(r.inbox(), new OutboundActivities.Target(r.inbox(), host,
                        event.copyId())));
        engagedInboxes(event.postId(), Set.of(host)).forEach((inbox, h) -> targets.putIfAbsent(inbox,
                new OutboundActivities.Target(inbox, h, event.copyId())));
        copies.witnessOf(event.copyId()).flatMap(remoteActors::known).map(RemoteActorProfile::deliveryInbox)
                .ifPresent(inbox -> targets.putIfAbsent(inbox, new OutboundActivities.Target(inbox, host,
                        event.copyId())));
        Optional<String> handle = outbound.handleOf(event.accountId());
        if (targets.isEmpty() && neverSent) {
            abandon(event, "the post was never sent to " + host + ": its Create was withdrawn before any attempt");
            return;
        }
        if (targets.isEmpty() || handle.isEmpty()) {
            abandon(event, "no inbox on " + host + " is known, so no Delete could be addressed there");
            return;
        }
        outbound.send(event.accountId(), DeliveryPurpose.POST_DELETE,
                documents.delete(event.postId(), handle.get(), wasPublic(event.postId())), targets.values(),
                clock.now());
    }

    private void abandon(RemoteDeletionRequestedEvent event, String reason) {
        commands.send(NAME, new RecordRemoteDeletionOutcomeCommand(event.copyId(), DeletionOutcome.ABANDONED, reason,
                clock.now()));
    }

    /**
     * Servers that hold the post only through their people's likes, reposts and replies, and
     * have no copy: engagement recorded before holders were. Nobody tracks this Delete's outcome.
     */
    @EventHandler
    void on(PostDeletedEvent event) {
        if (!event.sharedToFediverse()) {
            return;
        }
        Set<String> hostsWithCopies = copies.copiesOfPost(event.postId()).stream()
                .filter(c -> c.destination().kind() == Destination.Kind.FEDIVERSE_SERVER)
                .map(c -> c.destination().key()).collect(Collectors.toSet());
        Map<String, String> engagedOnly = engagedInboxes(event.postId(), null);
        engagedOnly.values().removeIf(hostsWithCopies::contains);
        Optional<String> handle = outbound.handleOf(event.accountId());
        if (engagedOnly.isEmpty() || handle.isEmpty()) {
            return;
        }
        outbound.send(event.accountId(), DeliveryPurpose.POST_DELETE,
                documents.delete(event.postId(), handle.get(), wasPublic(event.postId())),
                engagedOnly.entrySet().stream().map(e -> new OutboundActivities.Target(e.getKey(), e.getValue(), null))
                        .toList(), clock.now());
    }

    /** Inbox to host, for the engaged actors on the given hosts (all hosts when null). */
    private Map<String, String> engagedInboxes(String postId, Set<String> hosts) {
        Map<String, String> inboxes = new LinkedHashMap<>();
        for (String actorId : engagement.actorsEngagedWith(postId)) {
            String host = RemoteActor.hostOf(actorId);
            if (hosts == null || hosts.contains(host)) {
                remoteActors.known(actorId).map(RemoteActorProfile::deliveryInbox)
                        .ifPresent(inbox -> inboxes.putIfAbsent(inbox, host));
            }
        }
        return inboxes;
    }

    private boolean wasPublic(String postId) {
        return outbound.sentNote(postId).map(JsonLd::addressedToPublic).orElse(true);
    }

}
