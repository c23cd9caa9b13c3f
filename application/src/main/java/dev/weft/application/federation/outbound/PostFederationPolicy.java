package dev.weft.application.federation.outbound;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.graph.FollowerInbox;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.Clock;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.posts.PostEditedEvent;
import dev.weft.domain.posts.PostPublishedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends a shared post to its followers' inboxes as a Create, and its edits as Updates to
 * the inboxes that got it. It sits in the followers group, after the distribution policy,
 * so the inboxes it reads are the followers in force when the post was published, and its
 * deliveries commit with the copies that policy schedules.
 */
@Component
@ProcessingGroup(ProcessingGroups.FOLLOWERS)
@Order(200)
public class PostFederationPolicy {
    private final OutboundActivities outbound;
    private final DeliveryOutbox outbox;
    private final ActivityDocuments documents;
    private final GraphReader graph;
    private final FederationSettings settings;
    private final FederationUrls urls;
    private final Clock clock;

    public PostFederationPolicy(OutboundActivities outbound, DeliveryOutbox outbox, ActivityDocuments documents,
                                GraphReader graph, FederationSettings settings, FederationUrls urls, Clock clock) {
        this.outbound = outbound;
        this.outbox = outbox;
        this.documents = documents;
        this.graph = graph;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
    }

    @EventHandler
    void on(PostPublishedEvent event) {
        Optional<String> handle = outbound.handleOf(event.accountId());
        if (!event.sharedToFediverse() || handle.isEmpty()) {
            return;
        }
        PostView post = new PostView(event.postId(), event.accountId(), event.content().text(),
                event.content().contentWarning(), event.language(), event.visibility().wireName(), true,
                event.publishedAt(), null, urls.note(event.postId()));
        List<OutboundActivities.Target> targets = graph.followerInboxes(event.accountId()).stream()
                .map(f -> new OutboundActivities.Target(f.inbox(), f.host(), copyOn(event.postId(), f)))
                .toList();
        outbound.sendCopiesOf(event.postId(), event.accountId(), DeliveryPurpose.POST_CREATE,
                documents.create(post, handle.get()), targets, event.publishedAt().plus(settings.delay()));
    }

    /**
     * Inside the federation delay nothing has gone out yet, so the waiting Create is rewritten
     * and no Update is sent; after it, the Update goes to every inbox the Create went to, but
     * to servers already asked to delete their copy. The post's audience and date come from
     * that Create: a post nobody was sent needs no Update.
     */
    @EventHandler
    void on(PostEditedEvent event) {
        Optional<String> handle = outbound.handleOf(event.accountId());
        String createId = urls.createActivity(event.postId());
        Optional<JsonNode> sentNote = outbound.sentNote(event.postId());
        if (!event.sharedToFediverse() || handle.isEmpty() || sentNote.isEmpty()) {
            return;
        }
        PostView edited = edited(sentNote.get(), event);
        if (outbox.replaceUnsent(createId, documents.create(edited, handle.get()).toString()) > 0) {
            return;
        }
        List<OutboundActivities.Target> targets = outbox.recipientsNotRecalled(createId).stream()
                .map(r -> new OutboundActivities.Target(r.inbox(), r.host(), r.copyId())).toList();
        outbound.send(event.accountId(), DeliveryPurpose.POST_UPDATE, documents.update(edited, handle.get()), targets,
                clock.now());
    }

    private PostView edited(JsonNode sentNote, PostEditedEvent event) {
        String visibility = JsonLd.addressedToPublic(sentNote) ? "public" : "followers-only";
        Instant published = JsonLd.text(sentNote, "published").map(Instant::parse).orElse(event.editedAt());
        return new PostView(event.postId(), event.accountId(), event.content().text(),
                event.content().contentWarning(), event.language(), visibility, true, published, event.editedAt(),
                urls.note(event.postId()));
    }

    private static String copyOn(String postId, FollowerInbox follower) {
        return CopyIds.of(postId, Destination.server(follower.host()));
    }

}
