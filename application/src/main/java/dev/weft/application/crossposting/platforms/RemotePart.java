package dev.weft.application.crossposting.platforms;

/**
 * One published part as the platform names it: remoteId is what deletes it and what a
 * reply points at (Mastodon status id, Threads media id, Facebook post id, Bluesky at-uri),
 * remoteUrl where people see it, and cid the Bluesky record's content hash (null elsewhere).
 */
public record RemotePart(String remoteId, String remoteUrl, String cid) {
}
