package dev.weft.application.federation.documents;

import static dev.weft.application.federation.documents.ActivityStreams.document;
import static dev.weft.application.federation.documents.ActivityStreams.time;

import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.federation.keys.KeyEncodings;
import dev.weft.application.links.LinkView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Actor documents: a Person per account sharing with the fediverse, the server's own
 * Application actor, and the Tombstone left where an actor was. Only public keys are read
 * from the key pairs.
 */
@Component
public class ActorDocuments {
    private final FederationUrls urls;

    public ActorDocuments(FederationUrls urls) {
        this.urls = urls;
    }

    public ObjectNode person(AccountView account, List<LinkView> links, ActorKeyPairs keys) {
        String handle = account.handle();
        String id = urls.actor(handle);
        ObjectNode person = document(ActivityStreams.actorContext(), id, "Person");
        person.put("preferredUsername", handle);
        person.put("name", account.displayName());
        // The profile has no biography yet; an empty summary keeps the shape peers expect.
        person.put("summary", "");
        person.put("url", urls.profilePage(handle));
        if (account.createdAt() != null) {
            person.put("published", time(account.createdAt()));
        }
        person.put("inbox", urls.inbox(handle));
        person.put("outbox", urls.outbox(handle));
        person.put("followers", urls.followers(handle));
        person.put("following", urls.following(handle));
        person.putObject("endpoints").put("sharedInbox", urls.sharedInbox());
        person.put("manuallyApprovesFollowers", false);
        person.put("discoverable", true);
        keys(person, id, keys);
        person.set("attachment", attachments(links));
        if (account.moved()) {
            person.put("movedTo", account.movedTo());
        }
        if (!account.alsoKnownAs().isEmpty()) {
            account.alsoKnownAs().forEach(person.putArray("alsoKnownAs")::add);
        }
        return person;
    }

    /** The server itself (FEP-2677 style): it signs fetches when a peer requires authorized fetch. */
    public ObjectNode instanceActor(ActorKeyPairs keys) {
        String id = urls.instanceActor();
        ObjectNode actor = document(ActivityStreams.actorContext(), id, "Application");
        actor.put("preferredUsername", host());
        actor.put("name", host());
        actor.put("url", urls.base());
        actor.put("inbox", urls.sharedInbox());
        actor.put("outbox", id + "/outbox");
        actor.putObject("endpoints").put("sharedInbox", urls.sharedInbox());
        actor.put("manuallyApprovesFollowers", true);
        actor.put("discoverable", false);
        keys(actor, id, keys);
        return actor;
    }

    public ObjectNode tombstone(String id, String formerType, Instant deletedAt) {
        ObjectNode tombstone = document(ActivityStreams.objectContext(), id, "Tombstone");
        tombstone.put("formerType", formerType);
        if (deletedAt != null) {
            tombstone.put("deleted", time(deletedAt));
        }
        return tombstone;
    }

    private void keys(ObjectNode actor, String id, ActorKeyPairs keys) {
        ObjectNode publicKey = actor.putObject("publicKey");
        publicKey.put("id", urls.rsaKeyId(id));
        publicKey.put("owner", id);
        publicKey.put("publicKeyPem", KeyEncodings.pem(keys.rsa().getPublic()));
        ObjectNode multikey = actor.putArray("assertionMethod").addObject();
        multikey.put("id", urls.ed25519KeyId(id));
        multikey.put("type", "Multikey");
        multikey.put("controller", id);
        multikey.put("publicKeyMultibase", KeyEncodings.multikey(keys.ed25519().getPublic()));
    }

    private static ArrayNode attachments(List<LinkView> links) {
        ArrayNode attachments = ActivityStreams.NODES.arrayNode();
        for (LinkView link : links) {
            Optional<String> url = ProfileLinks.profileUrl(link);
            url.ifPresent(u -> {
                ObjectNode field = attachments.addObject();
                field.put("type", "PropertyValue");
                field.put("name", ProfileLinks.platformName(link));
                field.put("value", relMeAnchor(u));
            });
        }
        return attachments;
    }

    /** Mastodon shows a field as verified when the page it links to links back with rel="me". */
    static String relMeAnchor(String url) {
        String escaped = Html.escape(url);
        return "<a href=\"" + escaped + "\" rel=\"me nofollow noopener\" target=\"_blank\">" + escaped + "</a>";
    }

    private String host() {
        return URI.create(urls.base()).getHost();
    }
}
