package dev.weft.infrastructure.crossposting.threads;

import java.time.Instant;

/** One post as GET /{threads-user-id}/threads (or /replies) lists it; timestamp is null when unreadable. */
record ThreadsPost(String id, String text, String permalink, Instant timestamp) {

    boolean carries(String expectedText, Instant notBefore) {
        return expectedText.equals(text) && timestamp != null && !timestamp.isBefore(notBefore);
    }
}
