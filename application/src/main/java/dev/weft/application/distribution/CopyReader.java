package dev.weft.application.distribution;

import java.util.List;

/** The copies the sharing-status projection knows of, for the policies that act on them. */
public interface CopyReader {
    List<CopyView> copiesOfPost(String postId);

    List<CopyView> fediverseCopiesOfAccount(String accountId);

    boolean postDeleted(String postId);
}
