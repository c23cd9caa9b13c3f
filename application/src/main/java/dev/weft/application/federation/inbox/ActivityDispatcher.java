package dev.weft.application.federation.inbox;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/**
 * Turns a stored activity into the commands it means. Each handler answers with what it did,
 * which the queue keeps as the activity's outcome; types Weft does not act on are recorded
 * as ignored rather than refused, as other servers send them to every inbox they know.
 */
@Service
public class ActivityDispatcher {
    private final FollowActivities follows;
    private final EngagementActivities engagement;
    private final NoteActivities notes;
    private final ActorActivities actors;
    private final InboxQueue queue;

    public ActivityDispatcher(FollowActivities follows, EngagementActivities engagement, NoteActivities notes,
                              ActorActivities actors, InboxQueue queue) {
        this.follows = follows;
        this.engagement = engagement;
        this.notes = notes;
        this.actors = actors;
        this.queue = queue;
    }

    public String dispatch(ReceivedActivity received) {
        InboxActivity activity = ActivityParser.parse(received.body().getBytes(StandardCharsets.UTF_8));
        String recipient = received.recipientAccountId();
        return switch (activity.type()) {
            case "Follow" -> follows.follow(activity, recipient);
            case "Accept" -> follows.accepted(activity);
            case "Reject" -> follows.rejected(activity);
            case "Block" -> follows.blocked(activity, recipient);
            case "Like", "EmojiReact" -> engagement.like(activity);
            case "Announce" -> engagement.announce(activity);
            case "Create" -> notes.created(activity);
            case "Update" -> updated(activity);
            case "Delete" -> deleted(activity);
            case "Move" -> actors.moved(activity);
            case "Undo" -> undone(activity, recipient);
            default -> "ignored: " + activity.type() + " activities are not handled";
        };
    }

    private String updated(InboxActivity activity) {
        if (activity.actorId().equals(activity.objectId())) {
            return actors.updated(activity);
        }
        return notes.updated(activity);
    }

    private String deleted(InboxActivity activity) {
        if (activity.actorId().equals(activity.objectId())) {
            return actors.deleted(activity);
        }
        return notes.deleted(activity);
    }

    /** The undone activity is embedded, or else found by its id among those received before. */
    private String undone(InboxActivity undo, String recipient) {
        UndoneActivity undone = UndoneActivity.of(undo, queue);
        if (undone == null) {
            return "ignored: the undone activity " + undo.objectId() + " is unknown here";
        }
        if (!undo.actorId().equals(undone.actorId())) {
            return "ignored: " + undo.actorId() + " cannot undo an activity of " + undone.actorId();
        }
        return switch (undone.type()) {
            case "Follow" -> follows.undoFollow(undo.actorId(), undone.objectId(), recipient);
            case "Like", "EmojiReact" -> engagement.unlike(undo.actorId(), undone.id(), undone.objectId());
            case "Announce" -> engagement.unannounce(undo.actorId(), undone.id(), undone.objectId());
            case "Block" -> "ignored: blocks are not undone here";
            default -> "ignored: undoing " + undone.type() + " is not handled";
        };
    }
}
