package dev.weft.application.distribution;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A CopyReader that knows only how each post was shared: what the holder rules read. */
final class PostsSharedInMemory implements CopyReader {
    private final Map<String, PostSharing> posts = new HashMap<>();
    private final Set<String> delivered = new HashSet<>();

    void put(String postId, PostSharing sharing) {
        posts.put(postId, sharing);
    }

    void deliveredTo(String copyId) {
        delivered.add(copyId);
    }

    @Override
    public boolean delivered(String copyId) {
        return delivered.contains(copyId);
    }

    @Override
    public List<CopyView> copiesOfPost(String postId) {
        return List.of();
    }

    @Override
    public List<CopyView> fediverseCopiesOfAccount(String accountId) {
        return List.of();
    }

    @Override
    public boolean postDeleted(String postId) {
        return false;
    }

    @Override
    public Optional<PostSharing> sharingOf(String postId) {
        return Optional.ofNullable(posts.get(postId));
    }

    @Override
    public Optional<String> witnessOf(String copyId) {
        return Optional.empty();
    }

    @Override
    public List<String> witnessesOfAccount(String accountId) {
        return List.of();
    }
}
