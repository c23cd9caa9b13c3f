package dev.weft.infrastructure.posts;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.nullableInt;

import dev.weft.application.crossposting.CrossPostReader;
import dev.weft.application.distribution.CopyReader;
import dev.weft.application.distribution.CopyView;
import dev.weft.application.posts.PostStatusReader;
import dev.weft.application.posts.PostStatusView;
import dev.weft.application.posts.PostStatusView.Replies;
import dev.weft.application.posts.PostStatusView.Reply;
import dev.weft.application.posts.PostStatusView.Reposts;
import dev.weft.application.posts.PostStatusView.Deletion;
import dev.weft.application.posts.PostStatusView.Fediverse;
import dev.weft.application.posts.PostStatusView.Likes;
import dev.weft.application.posts.PostStatusView.Server;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.links.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcPostStatusReader implements PostStatusReader, CopyReader {
    /** Likers, reposters and replies listed in a status; the counts are always exact. */
    private static final int MAX_LISTED = 100;
    private final JdbcTemplate jdbc;
    private final CrossPostReader crossPosts;

    public JdbcPostStatusReader(JdbcTemplate jdbc, CrossPostReader crossPosts) {
        this.jdbc = jdbc;
        this.crossPosts = crossPosts;
    }

    @Override
    public Optional<PostStatusView> statusOf(String postId) {
        List<Map<String, Object>> posts = jdbc.queryForList("SELECT * FROM sharing_status.post WHERE post_id = ?",
                postId);
        if (posts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> post = posts.get(0);
        List<String> likers = jdbc.queryForList("SELECT actor_id FROM sharing_status.post_like WHERE post_id = ? "
                + "ORDER BY position LIMIT ?", String.class, postId, MAX_LISTED);
        return Optional.of(new PostStatusView(postId, (Boolean) post.get("deleted"), crossPosts.copiesOfPost(postId),
                new Fediverse((Boolean) post.get("shared_to_fediverse"), (String) post.get("fediverse_withheld"),
                        servers(postId)),
                new Likes(((Number) post.get("like_count")).longValue(), likers),
                new Replies(((Number) post.get("reply_count")).longValue(), replies(postId)),
                new Reposts(((Number) post.get("repost_count")).longValue(), reposters(postId))));
    }

    private List<Reply> replies(String postId) {
        return jdbc.query("SELECT reply_id, actor_id, text, replied_at FROM sharing_status.post_reply "
                        + "WHERE post_id = ? ORDER BY replied_at DESC, reply_id LIMIT ?",
                (rs, n) -> new Reply(rs.getString("reply_id"), rs.getString("actor_id"), rs.getString("text"),
                        instant(rs, "replied_at")), postId, MAX_LISTED);
    }

    private List<String> reposters(String postId) {
        return jdbc.queryForList("SELECT actor_id FROM sharing_status.post_repost WHERE post_id = ? "
                + "ORDER BY reposted_at, actor_id LIMIT ?", String.class, postId, MAX_LISTED);
    }

    private List<Server> servers(String postId) {
        return jdbc.query("SELECT * FROM sharing_status.copy WHERE post_id = ? AND kind = 'FEDIVERSE_SERVER' "
                        + "ORDER BY destination",
                (rs, i) -> new Server(rs.getString("destination"), state(rs), rs.getInt("attempts"),
                        nullableInt(rs, "last_http_status"), rs.getString("error"), instant(rs, "last_attempt_at"),
                        instant(rs, "next_attempt_at"), deletion(rs), heldVia(rs)),
                postId);
    }

    /** One word for where the copy stands, deletion first since it is the later fact. */
    private static String state(ResultSet rs) throws SQLException {
        String deletion = rs.getString("deletion_state");
        if (deletion != null) {
            return "deletion_" + deletion.toLowerCase(Locale.ROOT);
        }
        return switch (rs.getString("state")) {
            case "DELIVERED" -> "delivered";
            case "FAILED" -> "failed";
            case "RETRY_SCHEDULED" -> "retrying";
            case "NOT_SENT" -> "not_sent";
            default -> "pending";
        };
    }

    /** Null for a copy Weft sent; otherwise how the server came to hold the post. */
    private static String heldVia(ResultSet rs) throws SQLException {
        String channel = rs.getString("held_via");
        return channel == null ? null : channel.toLowerCase(Locale.ROOT);
    }

    private static Deletion deletion(ResultSet rs) throws SQLException {
        String state = rs.getString("deletion_state");
        if (state == null) {
            return null;
        }
        return new Deletion(state.toLowerCase(Locale.ROOT), rs.getString("deletion_reason").toLowerCase(Locale.ROOT),
                instant(rs, "deletion_requested_at"), instant(rs, "deletion_delivered_at"));
    }

    @Override
    public List<CopyView> copiesOfPost(String postId) {
        return jdbc.query("SELECT * FROM sharing_status.copy WHERE post_id = ? ORDER BY position", this::copy, postId);
    }

    @Override
    public List<CopyView> fediverseCopiesOfAccount(String accountId) {
        return jdbc.query("SELECT * FROM sharing_status.copy WHERE account_id = ? AND kind = 'FEDIVERSE_SERVER' "
                + "ORDER BY position", this::copy, accountId);
    }

    @Override
    public boolean postDeleted(String postId) {
        return jdbc.queryForList("SELECT deleted FROM sharing_status.post WHERE post_id = ?", Boolean.class, postId)
                .stream().findFirst().orElse(false);
    }

    @Override
    public Optional<PostSharing> sharingOf(String postId) {
        return jdbc.query("SELECT account_id, shared_to_fediverse, deleted, consent_version FROM sharing_status.post "
                        + "WHERE post_id = ?", (rs, n) -> new PostSharing(rs.getString("account_id"),
                        rs.getBoolean("shared_to_fediverse"), rs.getBoolean("deleted"), rs.getString("consent_version")),
                postId).stream().findFirst();
    }

    @Override
    public boolean delivered(String copyId) {
        return !jdbc.queryForList("SELECT 1 FROM sharing_status.copy WHERE copy_id = ? AND state = 'DELIVERED'",
                Integer.class, copyId).isEmpty();
    }

    @Override
    public Optional<String> witnessOf(String copyId) {
        return jdbc.queryForList("SELECT evidence_actor_id FROM sharing_status.copy WHERE copy_id = ? "
                + "AND evidence_actor_id IS NOT NULL", String.class, copyId).stream().findFirst();
    }

    @Override
    public List<String> witnessesOfAccount(String accountId) {
        return jdbc.queryForList("SELECT DISTINCT evidence_actor_id FROM sharing_status.copy WHERE account_id = ? "
                + "AND kind = 'FEDIVERSE_SERVER' AND evidence_actor_id IS NOT NULL", String.class, accountId);
    }

    private CopyView copy(ResultSet rs, int row) throws SQLException {
        Destination.Kind kind = Destination.Kind.valueOf(rs.getString("kind"));
        String platform = rs.getString("platform");
        Destination destination = new Destination(kind, rs.getString("destination"),
                platform == null ? null : Platform.fromWireName(platform));
        return new CopyView(rs.getString("copy_id"), rs.getString("post_id"), rs.getString("account_id"), destination,
                rs.getString("deletion_state") != null);
    }
}
