package dev.weft.domain.engagement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The remote interactions with one post. A like or repost is keyed by actor, so the same
 * activity delivered twice, or a second like from the same person, counts once.
 */
public final class Engagement {
    private final Set<String> likers = new HashSet<>();
    private final Set<String> reposters = new HashSet<>();
    private final Map<String, String> replyAuthors = new HashMap<>();

    public boolean likedBy(String actorId) {
        return likers.contains(actorId);
    }

    public boolean repostedBy(String actorId) {
        return reposters.contains(actorId);
    }

    public boolean hasReply(String replyId) {
        return replyAuthors.containsKey(replyId);
    }

    public String replyAuthor(String replyId) {
        return replyAuthors.get(replyId);
    }

    public void like(String actorId) {
        likers.add(actorId);
    }

    public void unlike(String actorId) {
        likers.remove(actorId);
    }

    public void repost(String actorId) {
        reposters.add(actorId);
    }

    public void unrepost(String actorId) {
        reposters.remove(actorId);
    }

    public void reply(String replyId, String actorId) {
        replyAuthors.put(replyId, actorId);
    }

    public void removeReply(String replyId) {
        replyAuthors.remove(replyId);
    }
}
