package dev.weft.application.distribution;

import dev.weft.domain.distribution.CopyAddress;
import dev.weft.domain.distribution.Destination;

public record CopyView(String copyId, String postId, String accountId, Destination destination,
                       boolean deletionRequested) {

    /** What a deletion request names, for a copy that may have been scheduled in a batch. */
    public CopyAddress address() {
        return new CopyAddress(postId, accountId, destination);
    }
}
