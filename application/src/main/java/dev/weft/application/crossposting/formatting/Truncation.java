package dev.weft.application.crossposting.formatting;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Shortens a text to one part: cut after the last word that fits, then an ellipsis and,
 * for a public post, a link to the original, both counted with the part.
 */
final class Truncation {
    private static final String ELLIPSIS = "…";
    private static final List<CutPoints.Level> PREFERENCE = List.of(CutPoints.Level.WORD, CutPoints.Level.GRAPHEME);

    private Truncation() {
    }

    /** originalUrl is null for a post that is not public; empty when not even a first piece fits. */
    static Optional<String> shortened(String text, PartFrame frame, String originalUrl) {
        String tail = originalUrl == null ? ELLIPSIS : ELLIPSIS + " " + originalUrl;
        CutPoints cuts = CutPoints.of(text);
        OptionalInt end = cuts.farthestFitting(0, PREFERENCE, head -> frame.fits(head + tail));
        return end.isEmpty() ? Optional.empty() : Optional.of(cuts.piece(0, end.getAsInt()) + tail);
    }
}
