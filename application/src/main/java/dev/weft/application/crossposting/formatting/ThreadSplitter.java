package dev.weft.application.crossposting.formatting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Splits a text too long for one part into numbered parts, packing each part greedily:
 * as many whole paragraphs as fit, else as many whole sentences, else words. Every part
 * ends in " index/total" on its last line, which is counted with the part.
 */
final class ThreadSplitter {
    private static final List<CutPoints.Level> PREFERENCE = List.of(CutPoints.Level.values());

    private final CutPoints cuts;
    private final int length;
    private final PartFrame frame;

    private ThreadSplitter(String text, PartFrame frame) {
        this.cuts = CutPoints.of(text);
        this.length = text.length();
        this.frame = frame;
    }

    /** The bodies of the parts, numbered; empty when a piece that cannot be cut does not fit a part. */
    static Optional<List<String>> split(String text, PartFrame frame) {
        return new ThreadSplitter(text, frame).numberedBodies();
    }

    private static String numbered(String piece, int index, int total) {
        return piece + " " + index + "/" + total;
    }

    /**
     * The total is known only after splitting, and its width counts in every part. Pieces cut
     * to fit beside an assumed total still fit beside any total no wider, so the assumption
     * only ever grows, to the number of pieces, until there are no more pieces than assumed.
     */
    private Optional<List<String>> numberedBodies() {
        int assumedTotal = 2;
        Optional<List<String>> pieces = pieces(assumedTotal);
        while (pieces.isPresent() && pieces.get().size() > assumedTotal) {
            assumedTotal = pieces.get().size();
            pieces = pieces(assumedTotal);
        }
        return pieces.map(ThreadSplitter::numberedAll);
    }

    private Optional<List<String>> pieces(int total) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < length) {
            int index = pieces.size() + 1;
            OptionalInt end = cuts.farthestFitting(start, PREFERENCE,
                    piece -> frame.fits(numbered(piece, index, total)));
            if (end.isEmpty()) {
                return Optional.empty();
            }
            pieces.add(cuts.piece(start, end.getAsInt()));
            start = end.getAsInt();
        }
        return Optional.of(pieces);
    }

    private static List<String> numberedAll(List<String> pieces) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            bodies.add(numbered(pieces.get(i), i + 1, pieces.size()));
        }
        return bodies;
    }
}
