package dev.weft.application.posts;

import java.util.Optional;

public interface PostReader {
    /** @return the post unless it never existed or was deleted */
    Optional<PostView> find(String postId);

    /** @return the author of a post, deleted or not; empty when no such post was published */
    Optional<String> authorOf(String postId);
}
