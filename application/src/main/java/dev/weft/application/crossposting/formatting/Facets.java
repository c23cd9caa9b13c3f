package dev.weft.application.crossposting.formatting;

import java.util.List;
import java.util.Optional;

/** Bluesky's richtext facets for a part's final text: its links and tags, at UTF-8 byte offsets. */
final class Facets {
    /** app.bsky.richtext.facet#tag takes no longer tag. */
    private static final int TAG_MAX_GRAPHEMES = 64;

    private Facets() {
    }

    static List<Facet> in(String text) {
        return Entities.in(text).stream().flatMap(entity -> facet(text, entity).stream()).toList();
    }

    private static Optional<Facet> facet(String text, Entity entity) {
        return switch (entity.kind()) {
            case URL -> Optional.of(at(text, entity, Facet.Kind.LINK, entity.text()));
            case HASHTAG -> CharacterCount.clusters(entity.tag(), TargetRules.Counting.GRAPHEMES) > TAG_MAX_GRAPHEMES
                    ? Optional.empty()
                    : Optional.of(at(text, entity, Facet.Kind.TAG, entity.tag()));
            // Mentions reach Bluesky rewritten as links; a Bluesky mention would need a DID Weft does not know.
            case FEDIVERSE_MENTION, LOCAL_MENTION -> Optional.empty();
        };
    }

    private static Facet at(String text, Entity entity, Facet.Kind kind, String value) {
        return new Facet(byteOffset(text, entity.start()), byteOffset(text, entity.end()), kind, value);
    }

    private static int byteOffset(String text, int charIndex) {
        return CharacterCount.utf8Bytes(text.substring(0, charIndex));
    }
}
