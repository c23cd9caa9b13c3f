package dev.weft.api.federation.documents;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.api.federation.ActivityResponses.Representation;
import dev.weft.api.federation.PublishedActors;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.documents.ActorDocuments;
import dev.weft.application.federation.documents.CollectionDocuments;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.graph.FollowingCounts;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.links.LinkDirectory;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Actor documents and the collections they name. Followers and following show their size
 * only, as Mastodon does when a person hides the lists: who follows whom stays here.
 */
@RestController
public class ActorsController {
    private final PublishedActors actors;
    private final LinkDirectory links;
    private final ActorKeys keys;
    private final ActorDocuments documents;
    private final CollectionDocuments collections;
    private final GraphReader graph;
    private final FollowingCounts following;
    private final FederationUrls urls;

    public ActorsController(PublishedActors actors, LinkDirectory links, ActorKeys keys, ActorDocuments documents,
                            CollectionDocuments collections, GraphReader graph, FollowingCounts following,
                            FederationUrls urls) {
        this.actors = actors;
        this.links = links;
        this.keys = keys;
        this.documents = documents;
        this.collections = collections;
        this.graph = graph;
        this.following = following;
        this.urls = urls;
    }

    @GetMapping("/users/{handle}")
    public ResponseEntity<String> actor(@PathVariable String handle,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        AccountView account = actors.byHandle(handle);
        if (Representation.of(accept, Representation.ACTIVITY, Representation.ACTIVITY) == Representation.HTML) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(urls.profilePage(account.handle())))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        if (account.deleted()) {
            return gone(account);
        }
        return ActivityResponses.ok(documents.person(account, links.linksOf(account.id()),
                keys.forAccount(account.id())));
    }

    @GetMapping("/users/{handle}/followers")
    public ResponseEntity<String> followers(@PathVariable String handle) {
        AccountView account = actors.byHandle(handle);
        if (account.deleted()) {
            return gone(account);
        }
        return ActivityResponses.ok(collections.collection(urls.followers(account.handle()),
                graph.followerCount(account.id()), null, null));
    }

    @GetMapping("/users/{handle}/following")
    public ResponseEntity<String> following(@PathVariable String handle) {
        AccountView account = actors.byHandle(handle);
        if (account.deleted()) {
            return gone(account);
        }
        return ActivityResponses.ok(collections.collection(urls.following(account.handle()),
                following.acceptedFollowingCount(account.id()), null, null));
    }

    /** Always there: peers that require signed fetches ask for it before they accept anything from us. */
    @GetMapping("/actor")
    public ResponseEntity<String> instanceActor() {
        return ActivityResponses.ok(documents.instanceActor(keys.forInstance()));
    }

    @GetMapping("/actor/outbox")
    public ResponseEntity<String> instanceOutbox() {
        return ActivityResponses.ok(collections.collection(urls.instanceActor() + "/outbox", 0, null, null));
    }

    private ResponseEntity<String> gone(AccountView account) {
        return ActivityResponses.of(HttpStatus.GONE, documents.tombstone(urls.actor(account.handle()), "Person",
                account.deletedAt()));
    }
}
