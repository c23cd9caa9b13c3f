package dev.weft.application.crossposting;

import dev.weft.application.posts.CrossPostView;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** The copies to linked accounts, as the sharing-status projection and the queue know them. */
public interface CrossPostReader {
    List<CrossPostView> copiesOfPost(String postId);

    Optional<CrossPostView> copyOf(String postId, String linkId);

    /** Newest first; state null for every state. */
    Page<CrossPostView> copiesOfAccount(String accountId, String state, PageRequest page);
}
