package dev.weft.application.crossposting.formatting;

/**
 * A span of a part's text that is a link or a hashtag, in UTF-8 byte offsets (end
 * exclusive), as Bluesky's richtext facets want them. value is the URI for a link and the
 * tag without '#' for a tag.
 */
public record Facet(int byteStart, int byteEnd, Kind kind, String value) {
    public enum Kind { LINK, TAG }
}
