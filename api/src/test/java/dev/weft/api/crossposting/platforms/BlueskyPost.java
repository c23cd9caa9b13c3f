package dev.weft.api.crossposting.platforms;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An app.bsky.feed.post record as a {@link FakeBluesky} stored it. uri is
 * at://{did}/app.bsky.feed.post/{rkey}; replyRootUri and replyParentUri are null for a post
 * that is no reply; value is the whole record, a copy.
 */
public record BlueskyPost(String uri, String cid, String did, String rkey, String text, String createdAt,
                          List<String> langs, List<BlueskyFacet> facets, String replyRootUri, String replyParentUri,
                          JsonNode value) {
    public BlueskyPost {
        langs = List.copyOf(langs);
        facets = List.copyOf(facets);
        value = value.deepCopy();
    }

    @Override
    public JsonNode value() {
        return value.deepCopy();
    }
}
