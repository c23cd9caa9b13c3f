package dev.weft.application.timelines;

import java.time.Instant;

/** A post on a timeline: a local one (accountId set) or one from a followed remote actor (actorId set). */
public record TimelineItem(long position, String postId, String accountId, String actorId, String text,
                           String contentWarning, String url, Instant publishedAt) {
}
