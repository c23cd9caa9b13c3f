package dev.weft.domain.remoteposts;

import dev.weft.domain.shared.DerivedIds;

public final class RemotePostIds {
    private RemotePostIds() {
    }

    public static String of(String objectId) {
        return DerivedIds.of("remote-post", objectId);
    }
}
