package dev.weft.application.crossposting.formatting;

import com.ibm.icu.lang.UCharacter;
import dev.weft.application.crossposting.formatting.Entity.Kind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links, mentions and hashtags in plain text. Links are found first and claim their
 * span, so an '@' or '#' inside a URL is neither a mention nor a tag. As in Mastodon's
 * patterns, nothing starts right after a word character or '/': "bob@example.com" is an
 * e-mail address and "C#" a language, not a mention and a tag.
 */
final class Entities {
    // Letters and digits of any script (IRIs) and the ASCII punctuation URLs use: a URL ends at a space,
    // an emoji, or punctuation such as "。" that no URL carries unescaped.
    private static final Pattern URL = Pattern.compile(
            "(?i)https?://[\\p{L}\\p{M}\\p{N}!#$%&'()*+,\\-./:;=?@\\[\\]_~]+");
    private static final String PUNCTUATION_AFTER_URL = ".,;:!?'";
    private static final String HOST = "(?:(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}\\p{N}-]+(?::\\d+)?|[\\p{L}\\p{N}-]+:\\d+)";
    private static final Pattern FEDIVERSE_MENTION = Pattern.compile(
            "@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?@" + HOST);
    // A Weft handle (Handle's form), not the start of a longer name such as "@alice.bob", which is no Weft account.
    private static final Pattern LOCAL_MENTION = Pattern.compile(
            "@[A-Za-z0-9_]{1,30}(?![A-Za-z0-9_@]|[.-][A-Za-z0-9_])");
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{M}\\p{N}_]+");
    private static final Pattern NUMBER_SIGN_AND_DIGITS = Pattern.compile("#\\p{N}+");

    private Entities() {
    }

    /** Every entity in the text, by position; none overlaps another. */
    static List<Entity> in(String text) {
        List<Entity> found = new ArrayList<>();
        BitSet claimed = new BitSet(text.length());
        claimFree(found, claimed, urls(text));
        claimFree(found, claimed, matches(text, FEDIVERSE_MENTION, Kind.FEDIVERSE_MENTION));
        claimFree(found, claimed, matches(text, LOCAL_MENTION, Kind.LOCAL_MENTION));
        claimFree(found, claimed, hashtags(text));
        found.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(found);
    }

    private static List<Entity> urls(String text) {
        List<Entity> urls = new ArrayList<>();
        for (Entity match : matches(text, URL, Kind.URL)) {
            String url = withoutTrailingPunctuation(match.text());
            if (!url.endsWith("://")) {
                urls.add(new Entity(Kind.URL, match.start(), match.start() + url.length(), url));
            }
        }
        return urls;
    }

    /** A sentence's punctuation, or the parenthesis around a link, is not part of the link. */
    private static String withoutTrailingPunctuation(String url) {
        String trimmed = url;
        while (endsWithPunctuation(trimmed)) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static boolean endsWithPunctuation(String url) {
        char last = url.charAt(url.length() - 1);
        return PUNCTUATION_AFTER_URL.indexOf(last) >= 0 || last == ')' && occurrences(url, '(') < occurrences(url, ')');
    }

    private static long occurrences(String text, char wanted) {
        return text.chars().filter(c -> c == wanted).count();
    }

    private static List<Entity> hashtags(String text) {
        return matches(text, HASHTAG, Kind.HASHTAG).stream()
                .filter(tag -> !NUMBER_SIGN_AND_DIGITS.matcher(tag.text()).matches())
                .toList();
    }

    private static List<Entity> matches(String text, Pattern pattern, Kind kind) {
        List<Entity> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            if (followsAWord(text, matcher.start())) {
                from = matcher.start() + 1;
            } else {
                matches.add(new Entity(kind, matcher.start(), matcher.end(), matcher.group()));
                from = matcher.end();
            }
        }
        return matches;
    }

    private static boolean followsAWord(String text, int start) {
        if (start == 0) {
            return false;
        }
        int before = text.codePointBefore(start);
        return isWordCharacter(before) || before == '/';
    }

    private static boolean isWordCharacter(int c) {
        return UCharacter.isUAlphabetic(c) || UCharacter.isDigit(c) || c == '_'
                || UCharacter.getType(c) == UCharacter.NON_SPACING_MARK;
    }

    /** Adds the candidates that overlap nothing found before, marking the chars they claim. */
    private static void claimFree(List<Entity> found, BitSet claimed, List<Entity> candidates) {
        for (Entity candidate : candidates) {
            int firstClaimed = claimed.nextSetBit(candidate.start());
            if (firstClaimed < 0 || firstClaimed >= candidate.end()) {
                found.add(candidate);
                claimed.set(candidate.start(), candidate.end());
            }
        }
    }
}
