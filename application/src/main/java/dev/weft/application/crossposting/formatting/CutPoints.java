package dev.weft.application.crossposting.formatting;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text may be cut, by how gladly: after a blank line, between sentences, between
 * words, and, for a word longer than a whole part, between grapheme clusters. Each level
 * holds the stronger levels' points too, and no point falls inside a link, mention or
 * hashtag. Points are char indices into the text; its end is a point of every level.
 */
final class CutPoints {

    enum Level { PARAGRAPH, SENTENCE, WORD, GRAPHEME }

    private static final Pattern BLANK_LINE = Pattern.compile("\\R\\h*\\R\\s*");

    private final String text;
    private final Map<Level, int[]> points;

    private CutPoints(String text, Map<Level, int[]> points) {
        this.text = text;
        this.points = points;
    }

    static CutPoints of(String text) {
        boolean[] insideEntity = insideEntity(text);
        Map<Level, int[]> points = new EnumMap<>(Level.class);
        SortedSet<Integer> upToLevel = new TreeSet<>();
        for (Level level : Level.values()) {
            breaks(level, text).stream().filter(at -> !insideEntity[at]).forEach(upToLevel::add);
            points.put(level, upToLevel.stream().mapToInt(Integer::intValue).toArray());
        }
        return new CutPoints(text, points);
    }

    private static boolean[] insideEntity(String text) {
        boolean[] inside = new boolean[text.length() + 1];
        for (Entity entity : Entities.in(text)) {
            Arrays.fill(inside, entity.start() + 1, entity.end(), true);
        }
        return inside;
    }

    /** The text between two points, without the whitespace a cut leaves at either end. */
    String piece(int start, int end) {
        return text.substring(start, end).strip();
    }

    /** The farthest point after start whose piece is not blank and fits, at the first of the levels that has one. */
    OptionalInt farthestFitting(int start, List<Level> levels, Predicate<String> fits) {
        for (Level level : levels) {
            OptionalInt end = farthestFitting(points.get(level), start, fits);
            if (end.isPresent()) {
                return end;
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A piece fits less the longer it grows, so the candidates are searched by doubling steps
     * from start, then by halves: no piece much longer than the answer is ever counted.
     */
    private OptionalInt farthestFitting(int[] candidates, int start, Predicate<String> fits) {
        IntPredicate fitsAt = index -> fitsOrBlank(start, candidates[index], fits);
        int first = firstAfter(candidates, start);
        int reach = 1;
        while (first + reach <= candidates.length && fitsAt.test(first + reach - 1)) {
            reach *= 2;
        }
        int found = lastFitting(fitsAt, first + reach / 2 - 1, Math.min(first + reach - 1, candidates.length));
        return found < first || piece(start, candidates[found]).isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(candidates[found]);
    }

    /** The last index before beyond that fits, known being one that does (or one before the first). */
    private static int lastFitting(IntPredicate fitsAt, int known, int beyond) {
        int found = known;
        int low = known + 1;
        int high = beyond - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (fitsAt.test(middle)) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** A blank piece counts as fitting, so that fitting only ever stops as pieces grow. */
    private boolean fitsOrBlank(int start, int end, Predicate<String> fits) {
        String piece = piece(start, end);
        return piece.isEmpty() || fits.test(piece);
    }

    private static int firstAfter(int[] sorted, int start) {
        int at = Arrays.binarySearch(sorted, start);
        return at >= 0 ? at + 1 : -at - 1;
    }

    private static List<Integer> breaks(Level level, String text) {
        return switch (level) {
            case PARAGRAPH -> paragraphBreaks(text);
            case SENTENCE -> boundaries(BreakIterator.getSentenceInstance(ULocale.ROOT), text);
            case WORD -> wordBreaks(text);
            case GRAPHEME -> boundaries(BreakIterator.getCharacterInstance(ULocale.ROOT), text);
        };
    }

    private static List<Integer> paragraphBreaks(String text) {
        List<Integer> breaks = new ArrayList<>();
        Matcher blankLines = BLANK_LINE.matcher(text);
        while (blankLines.find()) {
            breaks.add(blankLines.end());
        }
        breaks.add(text.length());
        return breaks;
    }

    private static List<Integer> boundaries(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<Integer> boundaries = new ArrayList<>();
        for (int at = iterator.next(); at != BreakIterator.DONE; at = iterator.next()) {
            boundaries.add(at);
        }
        return boundaries;
    }

    /**
     * Word boundaries where a reader sees a break: next to a space, or between two words
     * written unspaced (Chinese, Japanese, Thai). Never between a word and its comma.
     */
    private static List<Integer> wordBreaks(String text) {
        List<WordSegment> segments = wordSegments(text);
        List<Integer> breaks = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i - 1).breaksBefore(segments.get(i))) {
                breaks.add(segments.get(i).start());
            }
        }
        breaks.add(text.length());
        return breaks;
    }

    private static List<WordSegment> wordSegments(String text) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(text);
        List<WordSegment> segments = new ArrayList<>();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE;
                start = end, end = words.next()) {
            segments.add(new WordSegment(start, words.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT,
                    text.substring(start, end).isBlank()));
        }
        return segments;
    }

    private record WordSegment(int start, boolean isWord, boolean isSpace) {
        boolean breaksBefore(WordSegment next) {
            return isSpace || next.isSpace || isWord && next.isWord;
        }
    }
}
