package dev.weft.application.crossposting.platforms;

import dev.weft.application.crossposting.formatting.FormattedPart;
import java.time.Instant;

/**
 * One part of a copy to publish. idempotencyKey is fixed per copy and part and the same on
 * every attempt; recordKey is the deterministic Bluesky record key (a TID). root and parent
 * are the thread's first part and the part this one replies to (null for the first part).
 * checkpoint is what the connector saved on an earlier attempt at this part, or null.
 * spoilerText is Mastodon's content warning field (null elsewhere: there the warning is in
 * the text). visibility is Weft's wire name (public or followers-only).
 */
public record PartRequest(String copyId, int index, int parts, String idempotencyKey, String recordKey,
                          FormattedPart formatted, String spoilerText, String language, String visibility,
                          RemotePart root, RemotePart parent, String checkpoint, Instant createdAt) {

    public boolean isReply() {
        return parent != null;
    }
}
