package dev.weft.infrastructure.posts;

import dev.weft.application.engagement.EngagementReader;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcEngagementReader implements EngagementReader {
    private final JdbcTemplate jdbc;

    public JdbcEngagementReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> postOfReply(String replyId) {
        return jdbc.queryForList("SELECT post_id FROM sharing_status.post_reply WHERE reply_id = ?", String.class,
                replyId).stream().findFirst();
    }

    @Override
    public List<String> likersOf(String postId) {
        return jdbc.queryForList("SELECT actor_id FROM sharing_status.post_like WHERE post_id = ? ORDER BY position",
                String.class, postId);
    }

    @Override
    public List<String> postsLikedBy(String actorId) {
        return jdbc.queryForList("SELECT post_id FROM sharing_status.post_like WHERE actor_id = ?", String.class,
                actorId);
    }

    @Override
    public List<String> postsRepostedBy(String actorId) {
        return jdbc.queryForList("SELECT post_id FROM sharing_status.post_repost WHERE actor_id = ?", String.class,
                actorId);
    }

    @Override
    public List<Reply> repliesBy(String actorId) {
        return jdbc.query("SELECT post_id, reply_id FROM sharing_status.post_reply WHERE actor_id = ?",
                (rs, n) -> new Reply(rs.getString("post_id"), rs.getString("reply_id")), actorId);
    }

    @Override
    public List<String> actorsEngagedWith(String postId) {
        return jdbc.queryForList("SELECT actor_id FROM sharing_status.post_like WHERE post_id = ? UNION "
                + "SELECT actor_id FROM sharing_status.post_repost WHERE post_id = ? UNION "
                + "SELECT actor_id FROM sharing_status.post_reply WHERE post_id = ?", String.class, postId, postId,
                postId);
    }

    @Override
    public List<String> actorsEngagedWithPostsOf(String accountId) {
        String posts = "(SELECT post_id FROM sharing_status.post WHERE account_id = ?)";
        return jdbc.queryForList("SELECT actor_id FROM sharing_status.post_like WHERE post_id IN " + posts + " UNION "
                + "SELECT actor_id FROM sharing_status.post_repost WHERE post_id IN " + posts + " UNION "
                + "SELECT actor_id FROM sharing_status.post_reply WHERE post_id IN " + posts, String.class, accountId,
                accountId, accountId);
    }
}
