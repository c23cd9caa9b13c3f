package dev.weft.infrastructure.graph;

import static dev.weft.infrastructure.shared.Rows.instant;

import dev.weft.application.graph.FollowerInbox;
import dev.weft.application.graph.FollowerView;
import dev.weft.application.graph.FollowingView;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.graph.IncomingFollowView;
import dev.weft.application.graph.ServerCount;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;
import java.util.Optional;
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


    @Override
    public List<String> accountsFollowedBy(String actorId) {
        return jdbc.queryForList("SELECT account_id FROM followers.follower WHERE actor_id = ? "
                + "AND state IN ('REQUESTED', 'ACCEPTED')", String.class, actorId);
    }

    @Override
    public List<String> accountsFollowing(String actorId) {
        return jdbc.queryForList("SELECT account_id FROM followers.following WHERE actor_id = ? "
                + "AND state IN ('REQUESTED', 'ACCEPTED')", String.class, actorId);
    }

    @Override
    public Optional<String> accountOfFollowing(String followingId) {
        return jdbc.queryForList("SELECT account_id FROM followers.following WHERE following_id = ?", String.class,
                followingId).stream().findFirst();
    }

    @Override
    public Optional<IncomingFollowView> incomingFollow(String followId) {
        return jdbc.query("SELECT * FROM followers.follower WHERE follow_id = ?", (rs, n) -> new IncomingFollowView(
                rs.getString("follow_id"), rs.getString("account_id"), rs.getString("actor_id"), rs.getString("host"),
                rs.getString("inbox"), rs.getString("shared_inbox"), rs.getString("activity_id"),
                rs.getString("state")), followId).stream().findFirst();
    }

    @Override
    public List<String> followerInboxes(String accountId, String host) {
        return jdbc.queryForList("SELECT DISTINCT COALESCE(shared_inbox, inbox) FROM followers.follower "
                + "WHERE account_id = ? AND host = ? AND state = 'ACCEPTED' AND COALESCE(shared_inbox, inbox) IS NOT NULL",
                String.class, accountId, host);
    }

    @Override
    public List<FollowerInbox> followerInboxes(String accountId) {
        return jdbc.query("SELECT DISTINCT host, COALESCE(shared_inbox, inbox) AS inbox FROM followers.follower "
                + "WHERE account_id = ? AND state = 'ACCEPTED' AND COALESCE(shared_inbox, inbox) IS NOT NULL",
                (rs, n) -> new FollowerInbox(rs.getString("host"), rs.getString("inbox")), accountId);
    }

    @Override
    public Optional<String> followingInbox(String followingId) {
        return jdbc.queryForList("SELECT inbox FROM followers.following WHERE following_id = ? AND inbox IS NOT NULL",
                String.class, followingId).stream().findFirst();
    }

    @Override
    public List<String> activeFollowIds(String accountId) {
        return jdbc.queryForList("SELECT follow_id FROM followers.follower WHERE account_id = ? "
                + "AND state IN ('REQUESTED', 'ACCEPTED')", String.class, accountId);
    }

    @Override
    public boolean hasAcceptedFollowerOn(String accountId, String host) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM followers.follower "
                + "WHERE account_id = ? AND host = ? AND state = 'ACCEPTED')", Boolean.class, accountId, host));
    }
}
