package dev.weft.domain.remotepeople;

import dev.weft.domain.shared.DerivedIds;

/** One stream per remote person, named without naming them. */
public final class RemotePersonIds {
    private RemotePersonIds() {
    }

    public static String of(String actorId) {
        return DerivedIds.of("remote-person", actorId);
    }
}
