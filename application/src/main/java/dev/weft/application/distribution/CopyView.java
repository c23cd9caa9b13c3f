package dev.weft.application.distribution;

import dev.weft.domain.distribution.Destination;

public record CopyView(String copyId, String postId, Destination destination, boolean deletionRequested) {
}
