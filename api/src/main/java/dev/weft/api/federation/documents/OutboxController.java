package dev.weft.api.federation.documents;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.api.federation.PublishedActors;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.federation.documents.ActorDocuments;
import dev.weft.application.federation.documents.CollectionDocuments;
import dev.weft.application.posts.SharedPostReader;
import dev.weft.application.posts.SharedPostReader.PositionedPost;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Cursors.Cursor;
import dev.weft.application.shared.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Create activities of an account's public posts shared with the fediverse, newest
 * first. Pages are cut by (position, post id) cursors: max_id pages older, min_id newer.
 */
@RestController
public class OutboxController {
    private static final Cursor OLDEST = new Cursor(Long.MIN_VALUE, "");
    private static final Cursor NEWEST = new Cursor(Long.MAX_VALUE, "");
    private final PublishedActors actors;
    private final SharedPostReader posts;
    private final ActivityDocuments activities;
    private final ActorDocuments documents;
    private final CollectionDocuments collections;
    private final FederationUrls urls;

    public OutboxController(PublishedActors actors, SharedPostReader posts, ActivityDocuments activities,
                            ActorDocuments documents, CollectionDocuments collections, FederationUrls urls) {
        this.actors = actors;
        this.posts = posts;
        this.activities = activities;
        this.documents = documents;
        this.collections = collections;
        this.urls = urls;
    }

    @GetMapping("/users/{handle}/outbox")
    public ResponseEntity<String> outbox(@PathVariable String handle,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(name = "max_id", required = false) String maxId,
                                         @RequestParam(name = "min_id", required = false) String minId) {
        AccountView account = actors.byHandle(handle);
        if (account.deleted()) {
            return ActivityResponses.of(HttpStatus.GONE, documents.tombstone(urls.actor(account.handle()), "Person",
                    account.deletedAt()));
        }
        String outbox = urls.outbox(account.handle());
        if (page == null && maxId == null && minId == null) {
            return ActivityResponses.ok(collections.collection(outbox, posts.countPublicShared(account.id()),
                    outbox + "?page=true", outbox + "?page=true&min_id=" + Cursors.encode(OLDEST)));
        }
        return ActivityResponses.ok(page(account, outbox, Cursors.decode(maxId), Cursors.decode(minId)));
    }

    private ObjectNode page(AccountView account, String outbox, Cursor olderThan, Cursor newerThan) {
        int limit = PageRequest.DEFAULT_LIMIT;
        List<PositionedPost> newestFirst;
        String id;
        if (newerThan != null) {
            newestFirst = new ArrayList<>(posts.publicSharedAfter(account.id(), newerThan, limit));
            Collections.reverse(newestFirst);
            id = outbox + "?page=true&min_id=" + Cursors.encode(newerThan);
        } else {
            Cursor before = olderThan == null ? NEWEST : olderThan;
            newestFirst = posts.publicSharedBefore(account.id(), before, limit);
            id = olderThan == null ? outbox + "?page=true" : outbox + "?page=true&max_id=" + Cursors.encode(before);
        }
        String next = null;
        String prev = null;
        if (!newestFirst.isEmpty()) {
            Cursor oldest = newestFirst.get(newestFirst.size() - 1).cursor();
            Cursor newest = newestFirst.get(0).cursor();
            if (!posts.publicSharedBefore(account.id(), oldest, 1).isEmpty()) {
                next = outbox + "?page=true&max_id=" + Cursors.encode(oldest);
            }
            if (!posts.publicSharedAfter(account.id(), newest, 1).isEmpty()) {
                prev = outbox + "?page=true&min_id=" + Cursors.encode(newest);
            }
        }
        List<ObjectNode> items = newestFirst.stream().map(p -> activities.create(p.post(), account.handle()))
                .toList();
        return collections.page(id, outbox, items, next, prev);
    }
}
