package dev.weft.application.federation.inbox;

import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.federation.FederationUrls;
import java.util.Optional;
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
        Optional<String> postId = urls.postIdOfNote(like.objectId());
        if (postId.isEmpty()) {
            return "ignored: " + like.objectId() + " is not a post of this server";
        }
        recorder.like(postId.get(), like.actorId(), like.id());
        return "like recorded";
    }

    public String unlike(String actorId, String likeId, String objectId) {
        Optional<String> postId = urls.postIdOfNote(objectId);
        if (postId.isEmpty()) {
            return "ignored: " + objectId + " is not a post of this server";
        }
        recorder.unlike(postId.get(), actorId, likeId);
        return "like undone";
    }

    public String announce(InboxActivity announce) {
        Optional<String> postId = urls.postIdOfNote(announce.objectId());
        if (postId.isEmpty()) {
            return "ignored: " + announce.objectId() + " is not a post of this server";
        }
        recorder.repost(postId.get(), announce.actorId(), announce.id());
        return "repost recorded";
    }

    public String unannounce(String actorId, String announceId, String objectId) {
        Optional<String> postId = urls.postIdOfNote(objectId);
        if (postId.isEmpty()) {
            return "ignored: " + objectId + " is not a post of this server";
        }
        recorder.undoRepost(postId.get(), actorId, announceId);
        return "repost undone";
    }
}
