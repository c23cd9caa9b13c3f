package dev.weft.api.crossposting.platforms;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * User-perceived characters (extended grapheme clusters), the unit Mastodon and Bluesky
 * count and Threads counts most characters in. ICU, because it follows each Unicode release
 * where the JDK's BreakIterator splits emoji sequences.
 */
final class Graphemes {
    private Graphemes() {
    }

    static List<String> split(String text) {
        BreakIterator boundaries = BreakIterator.getCharacterInstance();
        boundaries.setText(text);
        List<String> clusters = new ArrayList<>();
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            clusters.add(text.substring(start, end));
        }
        return clusters;
    }

    static int count(String text) {
        return split(text).size();
    }
}
