package dev.weft.infrastructure.timelines;

import static dev.weft.infrastructure.shared.Rows.instant;

import dev.weft.application.posts.PostView;
import dev.weft.application.posts.SharedPostReader;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.WeftSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcSharedPostReader implements SharedPostReader {
    private static final String PUBLIC_SHARED = "SELECT * FROM timelines.post WHERE account_id = ? "
            + "AND deleted_at IS NULL AND visibility = 'public' AND shared_to_fediverse ";
    private final JdbcTemplate jdbc;
    private final WeftSettings settings;

    public JdbcSharedPostReader(JdbcTemplate jdbc, WeftSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public List<PositionedPost> publicSharedBefore(String accountId, Cursors.Cursor before, int limit) {
        return jdbc.query(PUBLIC_SHARED + "AND (position, post_id) < (?, ?) ORDER BY position DESC, post_id DESC "
                + "LIMIT ?", this::positioned, accountId, before.position(), before.id(), limit);
    }

    @Override
    public List<PositionedPost> publicSharedAfter(String accountId, Cursors.Cursor after, int limit) {
        return jdbc.query(PUBLIC_SHARED + "AND (position, post_id) > (?, ?) ORDER BY position, post_id LIMIT ?",
                this::positioned, accountId, after.position(), after.id(), limit);
    }

    @Override
    public long countPublicShared(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM timelines.post WHERE account_id = ? AND deleted_at IS NULL "
                + "AND visibility = 'public' AND shared_to_fediverse", Long.class, accountId);
    }

    @Override
    public long countShared() {
        return jdbc.queryForObject("SELECT count(*) FROM timelines.post p JOIN directory.account a "
                + "ON a.account_id = p.account_id WHERE p.deleted_at IS NULL AND p.shared_to_fediverse "
                + "AND a.deleted_at IS NULL AND a.sharing_consent_version IS NOT NULL", Long.class);
    }

    @Override
    public Optional<Instant> deletedAt(String postId) {
        return jdbc.query("SELECT deleted_at FROM timelines.post WHERE post_id = ? AND deleted_at IS NOT NULL",
                (rs, i) -> instant(rs, "deleted_at"), postId).stream().findFirst();
    }

    private PositionedPost positioned(ResultSet rs, int row) throws SQLException {
        String postId = rs.getString("post_id");
        PostView post = new PostView(postId, rs.getString("account_id"), rs.getString("text"),
                rs.getString("content_warning"), rs.getString("language"), rs.getString("visibility"),
                rs.getBoolean("shared_to_fediverse"), instant(rs, "published_at"), instant(rs, "edited_at"),
                settings.postUrl(postId));
        return new PositionedPost(rs.getLong("position"), post);
    }
}
