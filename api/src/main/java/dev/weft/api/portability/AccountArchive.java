package dev.weft.api.portability;

import dev.weft.api.ledger.LedgerExports;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.engagement.EngagementReader;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.federation.documents.ActorDocuments;
import dev.weft.application.federation.documents.CollectionDocuments;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.ledger.Holdings;
import dev.weft.application.ledger.Ledger;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.posts.PostReader;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import dev.weft.application.timelines.TimelineReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person takes elsewhere: their actor and posts in the shapes federation sends, their
 * follows as Mastodon imports them, who liked what, and the ledger of who holds their data.
 */
@Component
class AccountArchive {
    private final ActorDocuments actors;
    private final ActivityDocuments activities;
    private final CollectionDocuments collections;
    private final LinkDirectory links;
    private final ActorKeys keys;
    private final TimelineReader timelines;
    private final PostReader posts;
    private final GraphReader graph;
    private final RemoteActors remoteActors;
    private final EngagementReader engagement;
    private final Ledger ledger;
    private final FederationUrls urls;
    private final JsonMapper json;

    AccountArchive(ActorDocuments actors, ActivityDocuments activities, CollectionDocuments collections,
                   LinkDirectory links, ActorKeys keys, TimelineReader timelines, PostReader posts, GraphReader graph,
                   RemoteActors remoteActors, EngagementReader engagement, Ledger ledger, FederationUrls urls,
                   JsonMapper json) {
        this.actors = actors;
        this.activities = activities;
        this.collections = collections;
        this.links = links;
        this.keys = keys;
        this.timelines = timelines;
        this.posts = posts;
        this.graph = graph;
        this.remoteActors = remoteActors;
        this.engagement = engagement;
        this.ledger = ledger;
        this.urls = urls;
        this.json = json;
    }

    /** File name to content, in the order the ZIP lists them. */
    Map<String, String> files(AccountView account) {
        List<PostView> live = livePosts(account.id());
        Holdings holdings = ledger.holdings(account.id(), null);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("actor.json", actors.person(account, links.linksOf(account.id()), keys.forAccount(account.id()))
                .toPrettyString());
        files.put("outbox.json", outbox(account, live).toPrettyString());
        files.put("followers.csv", ArchiveFiles.followersCsv(addresses(all(p -> graph.followers(account.id(), p)),
                f -> f.actorId())));
        files.put("following.csv", ArchiveFiles.followingCsv(addresses(all(p -> graph.following(account.id(), p)),
                f -> f.actorId())));
        files.put("likes_received.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(likes(live)));
        files.put("holdings.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(holdings));
        files.put("ledger.jsonl", LedgerExports.holdingsJsonLines(holdings, json));
        return files;
    }

    private List<PostView> livePosts(String accountId) {
        return timelines.livePostIds(accountId).stream().map(posts::find).flatMap(java.util.Optional::stream)
                .toList();
    }

    /** The Creates federation sends, oldest first, as an outbox a server that imports posts reads. */
    private ObjectNode outbox(AccountView account, List<PostView> live) {
        ObjectNode outbox = collections.collection(urls.outbox(account.handle()), live.size(), null, null);
        ArrayNode items = outbox.putArray("orderedItems");
        for (PostView post : live) {
            ObjectNode create = activities.create(post, account.handle());
            create.remove("@context");
            items.add(create);
        }
        return outbox;
    }

    private Map<String, List<String>> likes(List<PostView> live) {
        Map<String, List<String>> likes = new LinkedHashMap<>();
        live.forEach(post -> likes.put(post.id(), engagement.likersOf(post.id())));
        return likes;
    }

    private <T> List<String> addresses(List<T> items, Function<T, String> actorId) {
        return items.stream().map(actorId)
                .map(id -> ArchiveFiles.address(id, remoteActors.known(id))).toList();
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = pages.apply(PageRequest.of(cursor, PageRequest.MAX_LIMIT));
            items.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return items;
    }
}
