package dev.weft.application.federation.documents;

import static dev.weft.application.federation.documents.ActivityStreams.time;

import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.links.LinkView;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The activities Weft sends. Ids come from FederationUrls and are stable for the same fact,
 * so a retried delivery carries the same id and a peer that deduplicates by id takes it once.
 */
@Component
public class ActivityDocuments {
    private final FederationUrls urls;
    private final NoteDocuments notes;
    private final ActorDocuments actors;
    private final Clock clock;

    public ActivityDocuments(FederationUrls urls) {
        this(urls, Instant::now);
    }

    @Autowired
    public ActivityDocuments(FederationUrls urls, Clock clock) {
        this.urls = urls;
        this.notes = new NoteDocuments(urls);
        this.actors = new ActorDocuments(urls);
        this.clock = clock;
    }

    public ObjectNode create(PostView post, String handle) {
        ObjectNode create = activity(urls.createActivity(post.id()), "Create", handle);
        create.put("published", time(post.publishedAt()));
        notes.address(create, NoteDocuments.isPublic(post), handle);
        create.set("object", notes.embedded(post, handle));
        return create;
    }

    /** One id per edit: a peer that has seen an Update's id ignores it, and would miss a later edit. */
    public ObjectNode update(PostView post, String handle) {
        Instant editedAt = post.editedAt() != null ? post.editedAt() : post.publishedAt();
        ObjectNode update = activity(urls.updateActivity(post.id(), editedAt.toEpochMilli()), "Update", handle);
        update.put("published", time(editedAt));
        notes.address(update, NoteDocuments.isPublic(post), handle);
        update.set("object", notes.embedded(post, handle));
        return update;
    }

    public ObjectNode delete(String postId, String handle, boolean publicPost) {
        ObjectNode delete = activity(urls.deleteActivity(postId), "Delete", handle);
        notes.address(delete, publicPost, handle);
        delete.set("object", ActivityStreams.object(urls.note(postId), "Tombstone"));
        return delete;
    }

    public ObjectNode accept(String handle, String followId, String followActivityId, String remoteActorId) {
        return answer("Accept", urls.acceptActivity(followId), handle, followActivityId, remoteActorId);
    }

    public ObjectNode reject(String handle, String followId, String followActivityId, String remoteActorId) {
        return answer("Reject", urls.rejectActivity(followId), handle, followActivityId, remoteActorId);
    }

    public ObjectNode follow(String handle, String followId, String remoteActorId) {
        ObjectNode follow = activity(urls.followActivity(followId), "Follow", handle);
        follow.set("to", ActivityStreams.strings(List.of(remoteActorId)));
        follow.put("object", remoteActorId);
        return follow;
    }

    /** Undo embeds the Follow it takes back: peers match it by id, or by actor and object when ids differ. */
    public ObjectNode undoFollow(String handle, String followId, String remoteActorId) {
        ObjectNode undo = activity(urls.undoActivity(followId), "Undo", handle);
        undo.set("to", ActivityStreams.strings(List.of(remoteActorId)));
        undo.set("object", followObject(urls.followActivity(followId), urls.actor(handle), remoteActorId));
        return undo;
    }

    public ObjectNode deleteActor(String handle) {
        return deleteActor(handle, clock.now());
    }

    /** Named by the moment of the fact, so every policy sending it for that fact sends one activity. */
    public ObjectNode deleteActor(String handle, Instant at) {
        String actor = urls.actor(handle);
        ObjectNode delete = activity(urls.actorActivity(handle, "delete", at.toEpochMilli()), "Delete", handle);
        delete.set("to", ActivityStreams.strings(List.of(ActivityStreams.PUBLIC)));
        delete.put("object", actor);
        return delete;
    }

    /**
     * As Mastodon sends it: the actor moves itself (object is the actor) to the target, which
     * peers check names the actor in its alsoKnownAs before they follow it instead. Named by
     * the moment of the move, so a policy seeing the event again sends the same activity.
     */
    public ObjectNode move(String handle, String target, Instant at) {
        ObjectNode move = activity(urls.actorActivity(handle, "move", at.toEpochMilli()), "Move", handle);
        move.set("to", ActivityStreams.strings(List.of(urls.followers(handle))));
        move.put("object", urls.actor(handle));
        move.put("target", target);
        return move;
    }

    public ObjectNode updateActor(AccountView account, List<LinkView> links, ActorKeyPairs keys) {
        String handle = account.handle();
        ObjectNode person = actors.person(account, links, keys);
        person.remove("@context");
        ObjectNode update = ActivityStreams.document(ActivityStreams.actorContext(),
                urls.actorActivity(handle, "update", clock.now().toEpochMilli()), "Update");
        update.put("actor", urls.actor(handle));
        update.set("to", ActivityStreams.strings(List.of(ActivityStreams.PUBLIC)));
        update.set("object", person);
        return update;
    }

    private ObjectNode answer(String type, String id, String handle, String followActivityId, String remoteActorId) {
        ObjectNode answer = activity(id, type, handle);
        answer.set("to", ActivityStreams.strings(List.of(remoteActorId)));
        answer.set("object", followObject(followActivityId, remoteActorId, urls.actor(handle)));
        return answer;
    }

    private static ObjectNode followObject(String id, String actor, String object) {
        ObjectNode follow = ActivityStreams.NODES.objectNode();
        if (id != null) {
            follow.put("id", id);
        }
        follow.put("type", "Follow");
        follow.put("actor", actor);
        follow.put("object", object);
        return follow;
    }

    private ObjectNode activity(String id, String type, String handle) {
        ObjectNode activity = ActivityStreams.document(ActivityStreams.objectContext(), id, type);
        activity.put("actor", urls.actor(handle));
        return activity;
    }
}
