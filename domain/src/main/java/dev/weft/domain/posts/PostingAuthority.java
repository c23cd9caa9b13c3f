package dev.weft.domain.posts;

import dev.weft.domain.accounts.AuthorizePostCommand;
import dev.weft.domain.accounts.PostPermit;
/**
 * Asks the author's account, within the publishing unit of work, where a new post may go.
 * The account is locked while it answers, so a sharing switch or link removal on this node
 * cannot slip between the decision and the post that relies on it.
 */
public interface PostingAuthority {
    PostPermit authorize(AuthorizePostCommand request);
}
