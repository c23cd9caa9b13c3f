package dev.weft.api.crossposting.platforms;

/**
 * One feature of a stored post's facet, in UTF-8 byte offsets (end exclusive). feature is
 * "link", "tag" or "mention"; value is its uri, tag (without '#') or did. A facet with two
 * features is listed twice; features of other types are kept in the record but not listed.
 */
public record BlueskyFacet(int byteStart, int byteEnd, String feature, String value) {
}
