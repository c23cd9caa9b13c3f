package dev.weft.application.federation.outbound;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.delivery.OutboundDelivery;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.shared.Clock;
import dev.weft.domain.shared.DerivedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts one activity into the outbox for each inbox, once: a delivery's id is derived from
 * the activity and the inbox, so a policy that sees its event again enqueues nothing new.
 */
@Component
public class OutboundActivities {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DeliveryOutbox outbox;
    private final GraphReader graph;
    private final AccountDirectory accounts;
    private final FederationUrls urls;
    private final Clock clock;

    public OutboundActivities(DeliveryOutbox outbox, GraphReader graph, AccountDirectory accounts,
                              FederationUrls urls, Clock clock) {
        this.outbox = outbox;
        this.graph = graph;
        this.accounts = accounts;
        this.urls = urls;
        this.clock = clock;
    }

    public record Target(String inbox, String host, String copyId) {
    }

    public void send(String accountId, DeliveryPurpose purpose, ObjectNode activity, Collection<Target> targets,
                     Instant notBefore) {
        sendCopiesOf(null, accountId, purpose, activity, targets, notBefore);
    }

    /** An activity carrying the post to its copies' servers: their outcomes are recorded per post. */
    public void sendCopiesOf(String postId, String accountId, DeliveryPurpose purpose, ObjectNode activity,
                             Collection<Target> targets, Instant notBefore) {
        String activityId = activity.get("id").asString();
        String json = activity.toString();
        List<OutboundDelivery> deliveries = new ArrayList<>();
        for (Target target : targets) {
            deliveries.add(new OutboundDelivery(DerivedIds.of("delivery", activityId, target.inbox()), accountId,
                    purpose, activityId, json, target.inbox(), target.host(), target.copyId(), notBefore, postId));
        }
        if (!deliveries.isEmpty()) {
            outbox.enqueue(deliveries);
        }
    }

    /** Now, to every server where the account has an accepted follower, once per shared inbox. */
    public void toFollowers(String accountId, DeliveryPurpose purpose, ObjectNode activity) {
        send(accountId, purpose, activity, graph.followerInboxes(accountId).stream()
                .map(f -> new Target(f.inbox(), f.host(), null)).toList(), clock.now());
    }

    /** The handle the account's actor id is minted from; deleted accounts keep theirs. */
    public Optional<String> handleOf(String accountId) {
        return accounts.find(accountId).map(AccountView::handle);
    }

    /** The post's Note as its Create was enqueued (the latest rewrite): empty when nobody was sent it. */
    public Optional<JsonNode> sentNote(String postId) {
        return outbox.enqueuedActivity(urls.createActivity(postId)).map(JSON::readTree)
                .flatMap(create -> JsonLd.embedded(create, "object"));
    }
}
