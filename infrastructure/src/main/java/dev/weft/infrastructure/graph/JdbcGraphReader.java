package dev.weft.infrastructure.graph;

import static dev.weft.infrastructure.shared.Rows.instant;

import dev.weft.application.graph.FollowerView;
import dev.weft.application.graph.FollowingView;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.graph.ServerCount;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcGraphReader implements GraphReader {
    private final JdbcTemplate jdbc;

    public JdbcGraphReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<FollowerView> followers(String accountId, PageRequest page) {
        List<FollowerView> rows = jdbc.query("SELECT * FROM followers.follower WHERE account_id = ? "
                        + "AND state = 'ACCEPTED' AND (position, actor_id) < (?, ?) "
                        + "ORDER BY position DESC, actor_id DESC LIMIT ?",
                (rs, i) -> new FollowerView(rs.getLong("position"), rs.getString("actor_id"), rs.getString("host"),
                        rs.getString("inbox"), rs.getString("shared_inbox"), instant(rs, "accepted_at")),
                accountId, page.before().position(), page.before().id(), page.limit() + 1);
        return Cursors.page(rows, page.limit(), f -> new Cursors.Cursor(f.position(), f.actorId()));
    }

    @Override
    public long followerCount(String accountId) {
        return jdbc.queryForList("SELECT accepted FROM followers.follower_count WHERE account_id = ?", Long.class,
                accountId).stream().findFirst().orElse(0L);
    }

    @Override
    public List<ServerCount> followerCountsByServer(String accountId) {
        return jdbc.query("SELECT host, count(*) AS n FROM followers.follower WHERE account_id = ? "
                        + "AND state = 'ACCEPTED' GROUP BY host ORDER BY n DESC, host",
                (rs, i) -> new ServerCount(rs.getString("host"), rs.getLong("n")), accountId);
    }

    @Override
    public Page<FollowingView> following(String accountId, PageRequest page) {
        List<FollowingView> rows = jdbc.query("SELECT * FROM followers.following WHERE account_id = ? "
                        + "AND state IN ('REQUESTED', 'ACCEPTED') AND (position, actor_id) < (?, ?) "
                        + "ORDER BY position DESC, actor_id DESC LIMIT ?",
                (rs, i) -> new FollowingView(rs.getLong("position"), rs.getString("actor_id"), rs.getString("host"),
                        rs.getString("state").toLowerCase(), instant(rs, "requested_at"),
                        instant(rs, "accepted_at")),
                accountId, page.before().position(), page.before().id(), page.limit() + 1);
        return Cursors.page(rows, page.limit(), f -> new Cursors.Cursor(f.position(), f.actorId()));
    }

    @Override
    public List<String> followerServers(String accountId) {
        return jdbc.queryForList("SELECT DISTINCT host FROM followers.follower WHERE account_id = ? "
                + "AND state = 'ACCEPTED' ORDER BY host", String.class, accountId);
    }

    @Override
    public List<String> followersOnDomain(String accountId, String domain) {
        return jdbc.queryForList("SELECT actor_id FROM followers.follower WHERE account_id = ? "
                        + "AND state IN ('REQUESTED', 'ACCEPTED') AND (host = ? OR host LIKE ?) ORDER BY actor_id",
                String.class, accountId, domain, "%." + domain);
    }

    @Override
    public List<String> followingOnDomain(String accountId, String domain) {
        return jdbc.queryForList("SELECT actor_id FROM followers.following WHERE account_id = ? "
                        + "AND state IN ('REQUESTED', 'ACCEPTED') AND (host = ? OR host LIKE ?) ORDER BY actor_id",
                String.class, accountId, domain, "%." + domain);
    }

}
