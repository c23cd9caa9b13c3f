package dev.weft.api.crossposting.platforms;

import java.time.Instant;

/**
 * A Page post as a {@link FakeFacebookPages} stored it. id is the Graph API's
 * "{page-id}_{post-id}"; message or link may be null, never both.
 */
public record FacebookPost(String id, String pageId, String message, String link, Instant createdTime,
                           String permalinkUrl) {
}
