package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.platforms.LinkTarget;
import java.time.Instant;

/**
 * One copy to send: the link as it stood when the post was published (kept, so its copies
 * can still be deleted after the link goes), and the post as written.
 */
public record QueuedCrossPost(String copyId, String accountId, String postId, LinkTarget link, PostDraft draft,
                              String visibility, Instant publishedAt) {
}
