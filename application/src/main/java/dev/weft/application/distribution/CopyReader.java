package dev.weft.application.distribution;

import java.util.List;
import java.util.Optional;

/** The copies the sharing-status projection knows of, for the policies that act on them. */
public interface CopyReader {
    /** What a copy of the post inherits: whose it is, and the consent it was shared under. */
    record PostSharing(String accountId, boolean sharedToFediverse, boolean deleted, String consentVersion) {
    }

    List<CopyView> copiesOfPost(String postId);

    List<CopyView> fediverseCopiesOfAccount(String accountId);

    boolean postDeleted(String postId);

    Optional<PostSharing> sharingOf(String postId);

    /** Whether a delivery of the copy succeeded: its server holds the post by delivery. */
    boolean delivered(String copyId);

    /**
     * The remote actor whose act showed that the copy's server holds a post it was never
     * sent: the one inbox known there once that engagement is undone.
     */
    Optional<String> witnessOf(String copyId);

    /** The witnesses of every holder of the account's posts. */
    List<String> witnessesOfAccount(String accountId);
}
