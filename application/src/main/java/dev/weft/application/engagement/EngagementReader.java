package dev.weft.application.engagement;

import java.util.List;
import java.util.Optional;

/** What remote actors did with local posts, as the sharing-status projection knows it. */
public interface EngagementReader {
    record Reply(String postId, String replyId) {
    }

    Optional<String> postOfReply(String replyId);

    List<String> postsLikedBy(String actorId);

    /** Every actor whose like of the post stands, in the order they came. */
    List<String> likersOf(String postId);

    List<String> postsRepostedBy(String actorId);

    List<Reply> repliesBy(String actorId);

    /** Everyone who liked, reposted or replied to the post: their servers hold part of it too. */
    List<String> actorsEngagedWith(String postId);

    /** Everyone who liked, reposted or replied to any of the account's posts. */
    List<String> actorsEngagedWithPostsOf(String accountId);
}
