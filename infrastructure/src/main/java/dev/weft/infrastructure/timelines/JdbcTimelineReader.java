package dev.weft.infrastructure.timelines;

import static dev.weft.infrastructure.shared.Rows.instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.application.posts.PostReader;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import dev.weft.application.shared.WeftSettings;
import dev.weft.application.timelines.TimelineItem;
import dev.weft.application.timelines.TimelineReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcTimelineReader implements TimelineReader, PostReader {
    private static final String LOCAL_COLUMNS = "position, post_id, account_id, NULL AS actor_id, text, "
            + "content_warning, NULL AS url, published_at";
    private final JdbcTemplate jdbc;
    private final WeftSettings settings;
    private final Cache<String, String> authors = Caffeine.newBuilder().maximumSize(100_000).build();

    public JdbcTimelineReader(JdbcTemplate jdbc, WeftSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Page<TimelineItem> accountTimeline(String accountId, PageRequest page) {
        List<TimelineItem> rows = jdbc.query("SELECT " + LOCAL_COLUMNS + " FROM timelines.post "
                        + "WHERE account_id = ? AND deleted_at IS NULL AND (position, post_id) < (?, ?) "
                        + "ORDER BY position DESC, post_id DESC LIMIT ?",
                this::item, accountId, page.before().position(), page.before().id(), page.limit() + 1);
        return Cursors.page(rows, page.limit(), JdbcTimelineReader::cursor);
    }

    /** Fan-in on read: a remote post is stored once and joined to each local follower's follows. */
    @Override
    public Page<TimelineItem> home(String accountId, PageRequest page) {
        List<TimelineItem> rows = jdbc.query("SELECT * FROM ("
                        + " SELECT " + LOCAL_COLUMNS + " FROM timelines.post"
                        + "  WHERE account_id = ? AND deleted_at IS NULL AND (position, post_id) < (?, ?)"
                        + " UNION ALL"
                        + " SELECT r.position, r.remote_post_id, NULL, r.actor_id, r.text, r.content_warning, r.url,"
                        + "  r.published_at FROM timelines.remote_post r"
                        + "  JOIN followers.following f ON f.actor_id = r.actor_id"
                        + "  WHERE f.account_id = ? AND f.state = 'ACCEPTED' AND r.deleted_at IS NULL"
                        + "  AND (r.position, r.remote_post_id) < (?, ?)"
                        + ") home ORDER BY position DESC, post_id DESC LIMIT ?",
                this::item, accountId, page.before().position(), page.before().id(), accountId,
                page.before().position(), page.before().id(), page.limit() + 1);
        return Cursors.page(rows, page.limit(), JdbcTimelineReader::cursor);
    }

    @Override
    public List<String> livePostIds(String accountId) {
        return jdbc.queryForList("SELECT post_id FROM timelines.post WHERE account_id = ? AND deleted_at IS NULL "
                + "ORDER BY position", String.class, accountId);
    }

    @Override
    public List<String> liveRemotePostsBy(String actorId) {
        return jdbc.queryForList("SELECT object_id FROM timelines.remote_post WHERE actor_id = ? "
                + "AND deleted_at IS NULL ORDER BY position", String.class, actorId);
    }

    @Override
    public Optional<PostView> find(String postId) {
        return jdbc.query("SELECT * FROM timelines.post WHERE post_id = ? AND deleted_at IS NULL", this::post, postId)
                .stream().findFirst();
    }

    /**
     * A post's author never changes, and every like, reply and repost that arrives asks for it,
     * so found authors are kept; a post not yet projected is asked for again next time.
     */
    @Override
    public Optional<String> authorOf(String postId) {
        return Optional.ofNullable(authors.get(postId, id -> jdbc.queryForList(
                "SELECT account_id FROM timelines.post WHERE post_id = ?", String.class, id).stream()
                .findFirst().orElseGet(() -> authorInEvents(id))));
    }

    /**
     * A server may like a post it was sent before this projection has caught up with the
     * post: its publication event names the author (in clear), so the like is not refused.
     */
    private String authorInEvents(String postId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'accountId' FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0 AND type = 'Post'", String.class, postId)
                .stream().findFirst().orElse(null);
    }

    private static Cursors.Cursor cursor(TimelineItem item) {
        return new Cursors.Cursor(item.position(), item.postId());
    }

    private TimelineItem item(ResultSet rs, int row) throws SQLException {
        String accountId = rs.getString("account_id");
        String url = accountId != null ? settings.postUrl(rs.getString("post_id")) : rs.getString("url");
        return new TimelineItem(rs.getLong("position"), rs.getString("post_id"), accountId, rs.getString("actor_id"),
                rs.getString("text"), rs.getString("content_warning"), url, instant(rs, "published_at"));
    }

    private PostView post(ResultSet rs, int row) throws SQLException {
        String postId = rs.getString("post_id");
        return new PostView(postId, rs.getString("account_id"), rs.getString("text"), rs.getString("content_warning"),
                rs.getString("language"), rs.getString("visibility"), rs.getBoolean("shared_to_fediverse"),
                instant(rs, "published_at"), instant(rs, "edited_at"), settings.postUrl(postId));
    }
}
