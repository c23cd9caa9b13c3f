package dev.weft.application.federation.delivery;

import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: deliveries enqueued here are committed with the caller's transaction
 * and survive a crash; workers on every node drain it.
 */
public interface DeliveryOutbox {
    void enqueue(List<OutboundDelivery> deliveries);

    /**
     * The inboxes an activity was enqueued for, but for those withdrawn before any attempt:
     * the recorded set of who received a post, which its Update and Delete go to. A delivery
     * withdrawn after failed attempts stays: a timed-out attempt may still have arrived.
     */
    List<DeliveryRecipient> recipientsOf(String activityId);

    /**
     * Every inbox any of the account's activities was enqueued for, but for those withdrawn
     * before any attempt: who may have received something from the account.
     */
    List<DeliveryRecipient> recipientsOfAccount(String accountId);

    /** The recipients of an activity whose copy has not been recalled by a Delete since. */
    List<DeliveryRecipient> recipientsNotRecalled(String activityId);

    /** The JSON of an activity as enqueued (the latest rewrite), when it was enqueued at all. */
    Optional<String> enqueuedActivity(String activityId);

    /**
     * Rewrites an activity that no inbox has been sent yet: a post edited inside the
     * federation delay goes out as edited, as if first written so.
     *
     * @return how many deliveries were rewritten
     */
    int replaceUnsent(String activityId, String activityJson);

    /**
     * Withdraws a copy's Create and Update deliveries that are still pending and not being
     * sent right now: held back by the federation delay, or being retried, they must not go
     * out after the copy's Delete. One whose lease ran out counts as
     * possibly sent: its node may have sent it and died before saying so.
     *
     * @return how many were withdrawn, and how many of those had surely never been sent
     */
    Withdrawal withdrawPending(String copyId);

    /**
     * Erases the post from the copy's settled Creates and Updates, keeping what later
     * activities are built from: the copy was recalled, and they are never sent again.
     *
     * @return how many were erased
     */
    int eraseRecalledContent(String copyId);

    record Withdrawal(int withdrawn, int neverAttempted) {
        /** Every withdrawn delivery was still unsent: the host never had the activity. */
        public boolean neverSent() {
            return withdrawn > 0 && withdrawn == neverAttempted;
        }
    }
}
