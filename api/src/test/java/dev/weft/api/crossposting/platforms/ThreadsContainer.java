package dev.weft.api.crossposting.platforms;

import java.time.Instant;

/**
 * A Threads media container as a {@link FakeThreads} holds it. errorMessage is set only in
 * {@link Status#ERROR}; publishedMediaId only in {@link Status#PUBLISHED}.
 */
public record ThreadsContainer(String id, String ownerId, String text, String replyToId, Instant createdAt,
                               Status status, String errorMessage, String publishedMediaId) {

    public enum Status { IN_PROGRESS, FINISHED, ERROR, EXPIRED, PUBLISHED }

    ThreadsContainer withStatus(Status newStatus) {
        return new ThreadsContainer(id, ownerId, text, replyToId, createdAt, newStatus, errorMessage, publishedMediaId);
    }

    ThreadsContainer failedWith(String message) {
        return new ThreadsContainer(id, ownerId, text, replyToId, createdAt, Status.ERROR, message, null);
    }

    ThreadsContainer publishedAs(String mediaId) {
        return new ThreadsContainer(id, ownerId, text, replyToId, createdAt, Status.PUBLISHED, null, mediaId);
    }
}
