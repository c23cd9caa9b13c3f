package dev.weft.infrastructure.crossposting;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.nullableInt;

import dev.weft.application.crossposting.CrossPostReader;
import dev.weft.application.posts.CrossPostView.Deletion;
import dev.weft.application.posts.CrossPostView.Part;
import dev.weft.application.posts.CrossPostView;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import dev.weft.domain.shared.InvalidValueException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies to linked accounts as their author sees them: the sharing-status projection says
 * what happened, and the queue adds the one thing no event records, that a node is sending
 * the copy right now.
 */
@Component
public class JdbcCrossPostReader implements CrossPostReader {
    static final List<String> STATES = List.of("pending", "sending", "published", "failed", "needs_reauthorization",
            "withdrawn", "deleting", "deleted", "deletion_failed");
    /** The word for each state, as SQL over the columns above, so a list can be filtered by it. */
    private static final String STATE_WORD = "CASE "
            + "WHEN c.deletion_state IN ('REQUESTED', 'FAILED') THEN 'deleting' "
            + "WHEN c.deletion_state IN ('DELIVERED', 'ALREADY_GONE') THEN 'deleted' "
            + "WHEN c.deletion_state = 'ABANDONED' AND EXISTS (SELECT 1 FROM sharing_status.copy_part p "
            + "WHERE p.copy_id = c.copy_id) THEN 'deletion_failed' "
            + "WHEN c.deletion_state = 'ABANDONED' THEN 'withdrawn' "
            + "WHEN c.state = 'PUBLISHED' THEN 'published' WHEN c.state = 'FAILED' THEN 'failed' "
            + "WHEN c.state = 'HELD' THEN 'needs_reauthorization' WHEN c.state = 'WITHDRAWN' THEN 'withdrawn' "
            + "WHEN j.lease_until IS NOT NULL AND j.lease_until > now() THEN 'sending' ELSE 'pending' END";
    private static final String SELECT = "SELECT c.*, (SELECT count(*) FROM sharing_status.copy_part p "
            + "WHERE p.copy_id = c.copy_id) AS published_parts, " + STATE_WORD + " AS state_word "
            + "FROM sharing_status.copy c LEFT JOIN crossposting.job j ON j.copy_id = c.copy_id "
            + "WHERE c.kind = 'LINKED_ACCOUNT' ";
    private final JdbcTemplate jdbc;

    public JdbcCrossPostReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CrossPostView> copiesOfPost(String postId) {
        return jdbc.query(SELECT + "AND c.post_id = ? ORDER BY c.position, c.copy_id", this::view, postId);
    }

    @Override
    public Optional<CrossPostView> copyOf(String postId, String linkId) {
        return jdbc.query(SELECT + "AND c.post_id = ? AND c.destination = ?", this::view, postId, linkId).stream()
                .findFirst();
    }

    @Override
    public Page<CrossPostView> copiesOfAccount(String accountId, String state, PageRequest page) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidValueException("state", "state must be one of " + String.join(", ", STATES)
                    + ", got '" + state + "'");
        }
        Cursors.Cursor before = page.before();
        List<CrossPostView> items = jdbc.query(SELECT + "AND c.account_id = ? AND (CAST(? AS TEXT) IS NULL OR " + STATE_WORD
                        + " = ?) AND (c.position, c.copy_id) < (?, ?) ORDER BY c.position DESC, c.copy_id DESC LIMIT ?",
                this::view, accountId, state, state, before.position(), before.id(), page.limit() + 1);
        return Cursors.page(items, page.limit(), v -> cursorOf(accountId, v));
    }

    private Cursors.Cursor cursorOf(String accountId, CrossPostView view) {
        Map<String, Object> row = jdbc.queryForMap("SELECT position, copy_id FROM sharing_status.copy "
                + "WHERE account_id = ? AND post_id = ? AND destination = ?", accountId, view.postId(), view.linkId());
        return new Cursors.Cursor(((Number) row.get("position")).longValue(), (String) row.get("copy_id"));
    }

    private CrossPostView view(ResultSet rs, int row) throws SQLException {
        String copyId = rs.getString("copy_id");
        Instant scheduled = instant(rs, "scheduled_at");
        Instant confirmed = instant(rs, "confirmed_at");
        return new CrossPostView(rs.getString("post_id"), rs.getString("destination"), rs.getString("platform"),
                rs.getString("state_word"), rs.getString("remote_id"), rs.getString("remote_url"), parts(copyId),
                rs.getInt("attempts"),
                rs.getString("error"), nullableInt(rs, "last_http_status"), instant(rs, "next_attempt_at"), scheduled,
                confirmed, confirmed == null ? null : Duration.between(scheduled, confirmed).toString(),
                deletion(rs));
    }

    private List<Part> parts(String copyId) {
        return new ArrayList<>(jdbc.query("SELECT part, remote_id, remote_url FROM sharing_status.copy_part "
                        + "WHERE copy_id = ? ORDER BY part",
                (rs, i) -> new Part(rs.getInt("part"), rs.getString("remote_id"), rs.getString("remote_url")),
                copyId));
    }

    private static Deletion deletion(ResultSet rs) throws SQLException {
        String state = rs.getString("deletion_state");
        if (state == null) {
            return null;
        }
        boolean published = rs.getLong("published_parts") > 0;
        String word = state.equals("DELIVERED") ? "deleted"
                : state.equals("ABANDONED") && !published ? "nothing_to_delete" : state.toLowerCase(Locale.ROOT);
        return new Deletion(word, rs.getString("deletion_reason").toLowerCase(Locale.ROOT),
                instant(rs, "deletion_requested_at"), instant(rs, "deletion_ended_at"), rs.getString("deletion_detail"));
    }
}
