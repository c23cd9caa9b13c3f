package dev.weft.application.posts;

import java.util.Optional;

public interface PostStatusReader {
    Optional<PostStatusView> statusOf(String postId);
}
