package dev.weft.domain.distribution;

import dev.weft.domain.shared.DerivedIds;

public final class CopyIds {
    private CopyIds() {
    }

    public static String of(String postId, Destination destination) {
        return DerivedIds.of("post-copy", postId, destination.kind().name(), destination.key());
    }
}
