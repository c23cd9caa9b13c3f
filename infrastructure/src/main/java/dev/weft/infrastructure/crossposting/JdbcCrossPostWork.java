package dev.weft.infrastructure.crossposting;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.nullableInt;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.crossposting.ClaimedCrossPost;
import dev.weft.application.crossposting.CrossPostWork;
import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.links.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The workers' side of crossposting.job. Claims are leases, taken with SKIP LOCKED so nodes
 * claim side by side; pushing next_attempt_at to the lease's end is what brings a crashed
 * node's rows back. Every change names the node holding the lease, so a node that lost it
 * changes nothing. A deletion asked while a row was being sent turns the row back to
 * pending as it settles, so the deletion is never lost to the settling of a publish.
 */
@Component
public class JdbcCrossPostWork implements CrossPostWork {
    private static final String COLUMNS = "j.copy_id, j.account_id, j.post_id, j.link_id, j.platform, "
            + "j.instance_url, j.remote_account_id, j.external_account_id, j.text, j.content_warning, j.language, "
            + "j.original_url, j.visibility, j.published_at, j.parts_json, j.spoiler_text, j.next_part, j.checkpoint, "
            + "j.in_flight_part, j.in_flight_since, j.failures, j.first_failure_at, j.deletion_reason";
    /** A publish outcome lands on the row unless a deletion came meanwhile, which then comes due at once. */
    private static final String UNLESS_RECALLED = "CASE WHEN deletion_reason IS NULL THEN CAST(? AS TEXT) ELSE 'pending' END";

    private final JdbcTemplate jdbc;
    private final PartsJson json = new PartsJson();
    private volatile String node = "unclaimed";
    private volatile Duration lease = Duration.ofMinutes(5);

    public JdbcCrossPostWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Set once by the worker that owns this node's leases. */
    void leaseAs(String nodeName, Duration leaseLength) {
        this.node = nodeName;
        this.lease = leaseLength;
    }

    List<ClaimedCrossPost> claim(int limit, Instant now) {
        Instant until = now.plus(lease);
        return jdbc.query("UPDATE crossposting.job j SET lease_until = ?, leased_by = ?, next_attempt_at = ? "
                        + "FROM (SELECT copy_id FROM crossposting.job c WHERE c.state = 'pending' "
                        + "AND c.next_attempt_at <= ? ORDER BY c.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due "
                        + "WHERE j.copy_id = due.copy_id RETURNING " + COLUMNS,
                this::claimed, ts(until), node, ts(until), ts(now), limit);
    }

    @Override
    public boolean freeze(ClaimedCrossPost copy, List<FormattedPart> parts, String spoilerText) {
        return held(jdbc.update("UPDATE crossposting.job SET parts_json = ?, spoiler_text = ?, next_part = 1 "
                + "WHERE copy_id = ? AND leased_by = ? AND deletion_reason IS NULL", json.write(parts), spoilerText,
                copy.copyId(), node));
    }

    @Override
    public boolean markInFlight(ClaimedCrossPost copy, int part, Instant at) {
        return held(jdbc.update("UPDATE crossposting.job SET in_flight_part = ?, in_flight_since = ?, "
                        + "lease_until = ?, next_attempt_at = ? WHERE copy_id = ? AND leased_by = ? "
                        + "AND deletion_reason IS NULL", part, ts(at), ts(at.plus(lease)), ts(at.plus(lease)),
                copy.copyId(), node));
    }

    @Override
    public void saveCheckpoint(ClaimedCrossPost copy, String checkpoint) {
        jdbc.update("UPDATE crossposting.job SET checkpoint = ? WHERE copy_id = ? AND leased_by = ?", checkpoint,
                copy.copyId(), node);
    }

    @Override
    public void partPublished(ClaimedCrossPost copy, int part, RemotePart remote, Instant at) {
        jdbc.update("INSERT INTO crossposting.part (copy_id, part, remote_id, remote_url, cid, published_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (copy_id, part) DO NOTHING", copy.copyId(), part,
                remote.remoteId(), remote.remoteUrl(), remote.cid(), ts(at));
        jdbc.update("UPDATE crossposting.job SET next_part = ?, in_flight_part = NULL, in_flight_since = NULL, "
                + "checkpoint = NULL, last_error = NULL WHERE copy_id = ?", part + 1, copy.copyId());
    }

    /** The post's text leaves the queue with the last part: only the remote ids are kept, to delete them. */
    @Override
    public void published(ClaimedCrossPost copy, Instant at) {
        settle(copy, "published", "text = NULL, content_warning = NULL, original_url = NULL, parts_json = NULL, "
                + "spoiler_text = NULL, settled_at = ?", ts(at));
    }

    @Override
    public void retryAt(ClaimedCrossPost copy, Instant next, String error, boolean failure, boolean keepInFlight,
                        Instant at) {
        jdbc.update("UPDATE crossposting.job SET state = 'pending', next_attempt_at = CASE WHEN deletion_reason "
                        + "IS NULL THEN CAST(? AS TIMESTAMPTZ) ELSE CAST(? AS TIMESTAMPTZ) END, last_error = ?, "
                        + "failures = failures + ?, "
                        + "first_failure_at = CASE WHEN CAST(? AS BOOLEAN) THEN COALESCE(first_failure_at, ?) "
                        + "ELSE first_failure_at END, in_flight_part = CASE WHEN CAST(? AS BOOLEAN) THEN in_flight_part "
                        + "END, in_flight_since = CASE WHEN CAST(? AS BOOLEAN) THEN in_flight_since END, "
                        + "lease_until = NULL, leased_by = NULL "
                        + "WHERE copy_id = ? AND leased_by = ?",
                ts(next), ts(at), error, failure ? 1 : 0, failure, ts(at), keepInFlight, keepInFlight,
                copy.copyId(), node);
    }

    /** A failed copy keeps the post's text: its author may ask for it to be tried again. */
    @Override
    public void failed(ClaimedCrossPost copy, String error, Instant at) {
        settle(copy, "failed", "last_error = ?, in_flight_part = NULL, in_flight_since = NULL, settled_at = ?",
                error, ts(at));
    }

    @Override
    public void held(ClaimedCrossPost copy, String error, Instant at) {
        settle(copy, "held", "last_error = ?", error);
    }

    @Override
    public void withdrawn(ClaimedCrossPost copy, String reason, Instant at) {
        settle(copy, "withdrawn", "last_error = ?, text = NULL, content_warning = NULL, original_url = NULL, "
                + "parts_json = NULL, settled_at = ?", reason, ts(at));
    }

    @Override
    public List<PublishedPart> publishedParts(String copyId) {
        return jdbc.query("SELECT part, remote_id, remote_url, cid FROM crossposting.part WHERE copy_id = ? "
                        + "AND removed_at IS NULL ORDER BY part",
                (rs, i) -> new PublishedPart(rs.getInt("part"), new RemotePart(rs.getString("remote_id"),
                        rs.getString("remote_url"), rs.getString("cid"))), copyId);
    }

    @Override
    public void partRemoved(ClaimedCrossPost copy, int part, Instant at) {
        jdbc.update("UPDATE crossposting.part SET removed_at = ? WHERE copy_id = ? AND part = ?", ts(at),
                copy.copyId(), part);
    }

    @Override
    public void deletionEnded(ClaimedCrossPost copy, String state, String detail, Instant at) {
        jdbc.update("UPDATE crossposting.job SET state = ?, last_error = ?, in_flight_part = NULL, "
                        + "in_flight_since = NULL, parts_json = NULL, checkpoint = NULL, settled_at = ?, "
                        + "lease_until = NULL, leased_by = NULL WHERE copy_id = ? AND leased_by = ?",
                state, detail, ts(at), copy.copyId(), node);
    }

    @Override
    public void putBack(ClaimedCrossPost copy, Instant next) {
        jdbc.update("UPDATE crossposting.job SET next_attempt_at = ?, lease_until = NULL, leased_by = NULL "
                + "WHERE copy_id = ? AND leased_by = ? AND state = 'pending'", ts(next), copy.copyId(), node);
    }

    /** A row recalled while being sent comes due at once for its deletion instead of taking the state. */
    private void settle(ClaimedCrossPost copy, String state, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        arguments[0] = state;
        System.arraycopy(values, 0, arguments, 1, values.length);
        arguments[values.length + 1] = copy.copyId();
        arguments[values.length + 2] = node;
        jdbc.update("UPDATE crossposting.job SET state = " + UNLESS_RECALLED + ", " + assignments
                + ", next_attempt_at = now(), lease_until = NULL, leased_by = NULL "
                + "WHERE copy_id = ? AND leased_by = ?", arguments);
    }

    private static boolean held(int rows) {
        return rows == 1;
    }

    private ClaimedCrossPost claimed(ResultSet rs, int row) throws SQLException {
        LinkTarget link = new LinkTarget(rs.getString("link_id"), Platform.fromWireName(rs.getString("platform")),
                rs.getString("instance_url"), rs.getString("remote_account_id"), rs.getString("external_account_id"));
        PostDraft draft = new PostDraft(rs.getString("text"), rs.getString("content_warning"),
                rs.getString("language"), rs.getString("original_url"));
        String reason = rs.getString("deletion_reason");
        return new ClaimedCrossPost(rs.getString("copy_id"), rs.getString("account_id"), rs.getString("post_id"),
                link, draft, rs.getString("visibility"), instant(rs, "published_at"),
                json.read(rs.getString("parts_json")), rs.getString("spoiler_text"), rs.getInt("next_part"),
                rs.getString("checkpoint"), nullableInt(rs, "in_flight_part"), instant(rs, "in_flight_since"),
                rs.getInt("failures"), instant(rs, "first_failure_at"),
                reason == null ? null : DeletionReason.valueOf(reason));
    }
}
