package dev.weft.application.crossposting.formatting;

import dev.weft.domain.links.Platform;

/**
 * How one platform counts and limits a post. maxCharacters is counted the platform's way
 * (see {@link Counting}); maxBytes, when set, also bounds the UTF-8 size (Bluesky: 3000).
 * charactersPerUrl, when set, is what every URL counts as, however long (Mastodon's
 * characters_reserved_per_url); null counts a URL as written.
 */
public record TargetRules(Platform platform, int maxCharacters, Counting counting, Integer charactersPerUrl,
                          Integer maxBytes) {

    public enum Counting {
        /** User-perceived characters (grapheme clusters). */
        GRAPHEMES,
        /** Grapheme clusters, but one holding an emoji counts its UTF-8 bytes, as Threads documents. */
        GRAPHEMES_EMOJI_AS_UTF8_BYTES
    }

    public static final int THREADS_MAX_CHARACTERS = 500;
    public static final int BLUESKY_MAX_GRAPHEMES = 300;
    public static final int BLUESKY_MAX_BYTES = 3000;
    public static final int FACEBOOK_MAX_CHARACTERS = 63_206;

    /** Mastodon's limits come from the instance (GET /api/v2/instance), never assumed. */
    public static TargetRules mastodon(int maxCharacters, int charactersPerUrl) {
        return new TargetRules(Platform.MASTODON, maxCharacters, Counting.GRAPHEMES, charactersPerUrl, null);
    }

    public static TargetRules threads() {
        return new TargetRules(Platform.THREADS, THREADS_MAX_CHARACTERS, Counting.GRAPHEMES_EMOJI_AS_UTF8_BYTES,
                null, null);
    }

    public static TargetRules bluesky() {
        return new TargetRules(Platform.BLUESKY, BLUESKY_MAX_GRAPHEMES, Counting.GRAPHEMES, null, BLUESKY_MAX_BYTES);
    }

    public static TargetRules facebook() {
        return new TargetRules(Platform.FACEBOOK, FACEBOOK_MAX_CHARACTERS, Counting.GRAPHEMES, null, null);
    }

    /** Facebook pages have no threads of self-replies. */
    public boolean allowsThreads() {
        return platform != Platform.FACEBOOK;
    }

    /**
     * Mastodon speaks ActivityPub: a fediverse mention is a real mention there, and its
     * StatusLengthValidator counts one as its @user part only.
     */
    public boolean isFediverse() {
        return platform == Platform.MASTODON;
    }

    /** Mastodon carries a content warning in its own field (spoiler_text); elsewhere it is part of the text. */
    public boolean hasContentWarningField() {
        return platform == Platform.MASTODON;
    }

    /** Bluesky finds no links or tags in plain text: they must be sent as richtext facets. */
    public boolean usesFacets() {
        return platform == Platform.BLUESKY;
    }
}
