package dev.weft.application.federation.inbox;

import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.federation.FederationUrls;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Likes and reposts of local posts. */
@Component
public class EngagementActivities {
    private final EngagementRecorder recorder;
    private final FederationUrls urls;

    public EngagementActivities(EngagementRecorder recorder, FederationUrls urls) {
        this.recorder = recorder;
        this.urls = urls;
    }

    public String like(InboxActivity like) {
        return onLocalPost(like.objectId(), postId -> recorder.like(postId, like.actorId(), like.id()),
                "like recorded");
    }

    public String unlike(String actorId, String likeId, String objectId) {
        return onLocalPost(objectId, postId -> recorder.unlike(postId, actorId, likeId), "like undone");
    }

    public String announce(InboxActivity announce) {
        return onLocalPost(announce.objectId(), postId -> recorder.repost(postId, announce.actorId(), announce.id()),
                "repost recorded");
    }

    public String unannounce(String actorId, String announceId, String objectId) {
        return onLocalPost(objectId, postId -> recorder.undoRepost(postId, actorId, announceId), "repost undone");
    }

    private String onLocalPost(String objectId, Consumer<String> record, String outcome) {
        Optional<String> postId = urls.postIdOfNote(objectId);
        if (postId.isEmpty()) {
            return "ignored: " + objectId + " is not a post of this server";
        }
        record.accept(postId.get());
        return outcome;
    }
}
