package dev.weft.application.crossposting;

import dev.weft.domain.distribution.DeletionReason;
import java.time.Instant;
import java.util.List;

/**
 * The durable queue of copies to linked accounts, as the policies fill it. Every call
 * joins the caller's transaction (a projection batch), so a copy is queued exactly when
 * the fact that caused it was processed; workers on every node drain it.
 */
public interface CrossPostQueue {
    void enqueue(QueuedCrossPost copy);

    /** A post edited before its copies were first attempted goes out as edited. */
    void rewriteUnsent(String postId, String text, String contentWarning, String language);

    /**
     * Turns the copy towards deletion and forgets the post's text. A copy being sent right now
     * is deleted once that attempt has settled.
     *
     * @return false when no copy was ever queued (it was withdrawn before that, or predates the queue)
     */
    boolean requestDeletion(String copyId, DeletionReason reason, Instant at);

    /** The copies of a link not yet wholly published and not yet withdrawn, failed or recalled. */
    List<String> unsentCopiesOfLink(String linkId);

    /** The copies of a link with something published there that no deletion was asked for yet. */
    List<String> publishedCopiesOfLink(String linkId);

    List<String> heldCopiesOfLink(String linkId);

    void withdraw(String copyId, String reason, Instant at);

    /** A held copy goes again now. */
    void resume(String copyId, Instant at);

    /** A failed copy goes again now, formatted afresh unless part of it is already published. */
    void retry(String copyId, Instant at);
}
