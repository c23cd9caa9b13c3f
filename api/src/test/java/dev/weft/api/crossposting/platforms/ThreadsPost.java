package dev.weft.api.crossposting.platforms;

import java.time.Instant;

/**
 * A published Threads post (a media object) as a {@link FakeThreads} stored it. replyToId is
 * the media id it replies to, or null; containerId is the container it was published from.
 */
public record ThreadsPost(String id, String ownerId, String text, String replyToId, String containerId,
                          String shortcode, String permalink, Instant timestamp) {
}
