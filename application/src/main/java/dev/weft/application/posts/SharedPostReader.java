package dev.weft.application.posts;

import dev.weft.application.shared.Cursors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Posts as the fediverse may read them: public, shared with the fediverse, not deleted. */
public interface SharedPostReader {
    /** The account's such posts older than the cursor, newest first. */
    List<PositionedPost> publicSharedBefore(String accountId, Cursors.Cursor before, int limit);

    /** The account's such posts newer than the cursor, oldest first. */
    List<PositionedPost> publicSharedAfter(String accountId, Cursors.Cursor after, int limit);

    long countPublicShared(String accountId);

    /** Live posts shared with the fediverse, by any account sharing now (both visibilities). */
    long countShared();

    /** When the post was deleted; empty while it lives or when it never existed. */
    Optional<Instant> deletedAt(String postId);

    /** A post with its place in the account's list, for cursors. */
    record PositionedPost(long position, PostView post) {
        public Cursors.Cursor cursor() {
            return new Cursors.Cursor(position, post.id());
        }
    }
}
