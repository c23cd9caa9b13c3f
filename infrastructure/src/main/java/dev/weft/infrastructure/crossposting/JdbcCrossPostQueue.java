package dev.weft.infrastructure.crossposting;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.crossposting.CrossPostQueue;
import dev.weft.application.crossposting.QueuedCrossPost;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.infrastructure.shared.WorkSignal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The policies' side of crossposting.job: every statement joins the caller's transaction. */
@Component
public class JdbcCrossPostQueue implements CrossPostQueue {
    /** Rows whose publishing has not ended one way or the other. */
    static final String UNSENT = "state IN ('pending', 'held') AND deletion_reason IS NULL";
    private final JdbcTemplate jdbc;
    private final CrossPostWakeUp wakeUp;

    public JdbcCrossPostQueue(JdbcTemplate jdbc, CrossPostWakeUp wakeUp) {
        this.jdbc = jdbc;
        this.wakeUp = wakeUp;
    }

    @Override
    public void enqueue(QueuedCrossPost copy) {
        jdbc.update("INSERT INTO crossposting.job (copy_id, account_id, post_id, link_id, platform, instance_url, "
                        + "remote_account_id, external_account_id, text, content_warning, language, original_url, "
                        + "visibility, published_at, state, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) "
                        + "ON CONFLICT (copy_id) DO NOTHING",
                copy.copyId(), copy.accountId(), copy.postId(), copy.link().linkId(),
                copy.link().platform().wireName(), copy.link().instanceUrl(), copy.link().remoteAccountId(),
                copy.link().externalAccountId(), copy.draft().text(), copy.draft().contentWarning(),
                copy.draft().language(), copy.draft().originalUrl(), copy.visibility(), ts(copy.publishedAt()),
                ts(copy.publishedAt()), ts(copy.publishedAt()));
        wakeUp.nudge();
    }

    /** Only copies never formatted: a formatted one may already be out there under that text. */
    @Override
    public void rewriteUnsent(String postId, String text, String contentWarning, String language) {
        jdbc.update("UPDATE crossposting.job SET text = ?, content_warning = ?, language = ? "
                + "WHERE post_id = ? AND parts_json IS NULL AND " + UNSENT, text, contentWarning, language, postId);
    }

    /**
     * A row being sent keeps its lease: the worker sees the deletion when it settles and the
     * row comes due again at once. A failed or withdrawn row may still have parts out there.
     */
    @Override
    public boolean requestDeletion(String copyId, DeletionReason reason, Instant at) {
        int rows = jdbc.update("UPDATE crossposting.job SET deletion_reason = ?, text = NULL, content_warning = NULL, "
                        + "original_url = NULL, parts_json = CASE WHEN in_flight_part IS NULL THEN NULL "
                        + "ELSE parts_json END, state = 'pending', failures = 0, first_failure_at = NULL, "
                        + "next_attempt_at = LEAST(next_attempt_at, ?), settled_at = NULL "
                        + "WHERE copy_id = ? AND deletion_reason IS NULL", reason.name(), ts(at), copyId);
        wakeUp.nudge();
        return rows > 0 || exists(copyId);
    }

    @Override
    public List<String> unsentCopiesOfLink(String linkId) {
        return jdbc.queryForList("SELECT copy_id FROM crossposting.job WHERE link_id = ? AND " + UNSENT
                + " ORDER BY created_at", String.class, linkId);
    }

    @Override
    public List<String> publishedCopiesOfLink(String linkId) {
        return jdbc.queryForList("SELECT DISTINCT j.copy_id FROM crossposting.job j JOIN crossposting.part p "
                + "ON p.copy_id = j.copy_id WHERE j.link_id = ? AND j.deletion_reason IS NULL AND p.removed_at IS NULL "
                + "ORDER BY j.copy_id", String.class, linkId);
    }

    @Override
    public List<String> heldCopiesOfLink(String linkId) {
        return jdbc.queryForList("SELECT copy_id FROM crossposting.job WHERE link_id = ? AND state = 'held' "
                + "ORDER BY created_at", String.class, linkId);
    }

    @Override
    public void withdraw(String copyId, String reason, Instant at) {
        jdbc.update("UPDATE crossposting.job SET state = 'withdrawn', last_error = ?, text = NULL, "
                + "content_warning = NULL, original_url = NULL, settled_at = ? WHERE copy_id = ? AND " + UNSENT
                + " AND (lease_until IS NULL OR lease_until < ?)", reason, ts(at), copyId, ts(at));
    }

    @Override
    public void resume(String copyId, Instant at) {
        comeDue(copyId, "held", at);
    }

    /** Formatted afresh, under the link's settings as they are now, unless a part is out already. */
    @Override
    public void retry(String copyId, Instant at) {
        jdbc.update("UPDATE crossposting.job SET parts_json = NULL, spoiler_text = NULL, checkpoint = NULL "
                + "WHERE copy_id = ? AND state = 'failed' AND NOT EXISTS (SELECT 1 FROM crossposting.part p "
                + "WHERE p.copy_id = ?)", copyId, copyId);
        comeDue(copyId, "failed", at);
    }

    private void comeDue(String copyId, String fromState, Instant at) {
        jdbc.update("UPDATE crossposting.job SET state = 'pending', next_attempt_at = ?, failures = 0, "
                + "first_failure_at = NULL, settled_at = NULL WHERE copy_id = ? AND state = ?", ts(at), copyId,
                fromState);
        wakeUp.nudge();
    }

    private boolean exists(String copyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM crossposting.job "
                + "WHERE copy_id = ?)", Boolean.class, copyId));
    }
}
