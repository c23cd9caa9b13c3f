package dev.weft.application.crossposting.formatting;

import java.util.List;

/**
 * Exactly the text one part carries, how many characters it counts as on its platform,
 * and the limit it was counted against. index is 1-based. facets are filled for Bluesky
 * only (empty elsewhere).
 */
public record FormattedPart(int index, String text, int counted, int limit, List<Facet> facets) {
    public FormattedPart {
        facets = List.copyOf(facets);
    }
}
