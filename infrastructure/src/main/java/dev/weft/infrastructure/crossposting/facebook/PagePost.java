package dev.weft.infrastructure.crossposting.facebook;

import java.time.Instant;

/** One post as GET /{page-id}/posts lists it; createdTime is null when unreadable. */
record PagePost(String id, String message, String permalinkUrl, Instant createdTime) {

    boolean carries(String expectedMessage, Instant notBefore) {
        return expectedMessage.equals(message) && createdTime != null && !createdTime.isBefore(notBefore);
    }
}
